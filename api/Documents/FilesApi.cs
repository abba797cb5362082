using System.Globalization;
using System.Security.Cryptography;
using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Engine.Documents;
using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Fashen.Api.Documents;

/// <summary>The files of case files over HTTP. A file is uploaded to its own address, its SHA-256
/// (<c>PUT /v1/files/{sha256}</c>, the bytes as the body): the case system names what it sends, an upload cut short or
/// changed on the way cannot be taken for it, and sending it again is harmless. Submissions then name files by that hash.</summary>
/// <remarks>The body is streamed to a spool file in the data folder while it is hashed, never held in memory; checked (size,
/// hash, kind from the bytes) before the store sees it; and removed whatever happens.</remarks>
public static class FilesApi
{
    public static RouteGroupBuilder MapFiles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/files").WithTags("案卷文件");

        group.MapPut("/{sha256}", (HttpContext context, CaseFiles files, FashenOptions options, string sha256) =>
            Callers.WithAsync(context, caller => UploadAsync(context, caller, files, options, sha256)))
        .WithSummary("上传案卷文件：请求体为文件内容，地址为其 SHA-256（64 位十六进制）；Content-Type 写文件类型。类型按内容判定，与声明不符、可执行程序、不完整或哈希不符的均拒收，不保存。同一内容重复上传答 200")
        .Accepts<Stream>("*/*")
        .Produces<FileResponse>(StatusCodes.Status201Created)
        .Produces<FileResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/recordings", (HttpContext context, CaseFiles files, RegisterRecordingRequest request) => Callers.With(context, caller =>
        {
            if (!IsSha256(request.Sha256) || request.Size is not > 0 || request.DurationSeconds is not > 0
                || string.IsNullOrWhiteSpace(request.System) || string.IsNullOrWhiteSpace(request.Location) || request.RecordedAt is null)
            {
                return ProblemResults.From(ApiProblems.ValidationFailed("登记录像须给出 sha256（64 位十六进制）、size（字节，大于 0）、durationSeconds（大于 0）、system、location 和 recordedAt。"));
            }

            var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "video/mp4";
            if (!type.StartsWith("video/", StringComparison.Ordinal) && !type.StartsWith("audio/", StringComparison.Ordinal))
            {
                return ProblemResults.From(ApiProblems.ValidationFailed("只有录像和录音可以只登记不上传；文书和证据请上传（PUT /v1/files/{sha256}）。"));
            }

            var recording = new ExternalRecording(request.System!.Trim(), request.Location!.Trim(), TimeSpan.FromSeconds(request.DurationSeconds.Value), request.RecordedAt.Value);
            var outcome = files.Register(caller, request.Sha256!.ToLowerInvariant(), request.Size.Value, type, recording);
            if (!outcome.Succeeded)
            {
                return ProblemResults.From(outcome.Error!);
            }

            var (file, created) = outcome.Value;
            var body = FileResponse.From(file);
            return created ? BufferedJson.Created($"/v1/files/{file.Sha256}", body) : BufferedJson.Ok(body);
        }))
        .WithSummary("登记留在其他系统中的录像或录音（执法记录仪）：哈希、大小、时长和位置，不上传内容")
        .Produces<FileResponse>(StatusCodes.Status201Created)
        .Produces<FileResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{sha256}", (HttpContext context, CaseFiles files, string sha256, bool? download) => Callers.With(context, caller =>
        {
            if (!IsSha256(sha256))
            {
                return ProblemResults.From(ApiProblems.ValidationFailed("地址中的 SHA-256 应为 64 位十六进制数。"));
            }

            var outcome = files.Open(caller, sha256.ToLowerInvariant(), CaseFiles.IsOpening(context.Request.Headers.Range.ToString()));
            if (!outcome.Succeeded)
            {
                return ProblemResults.From(outcome.Error!);
            }

            var (file, content) = outcome.Value;
            return Send(context, file, content, file.Sha256[..12] + Extension(file.ContentType), download == true);
        }))
        .WithSummary("读取案卷文件（查阅留痕）：按 SHA-256；PDF、图像内嵌显示，音视频可分段读取，?download=true 为下载")
        .Produces(StatusCodes.Status200OK)
        .Produces(StatusCodes.Status206PartialContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapGet("/v1/reviews/{id}/files/{sha256}", (HttpContext context, ReviewService reviews, CaseFiles files, string id, string sha256, bool? download) =>
            Callers.With(context, caller =>
            {
                var review = reviews.Get(caller, id);
                return review.Succeeded
                    ? SendFromReview(context, files, caller, review.Value!, sha256.ToLowerInvariant(), download == true)
                    : ProblemResults.From(review.Error!);
            }))
            .WithTags("案卷文件")
            .WithSummary("读取审核案卷中的文件（能查看该审核的人，查阅留痕）：PDF、图像内嵌显示，音视频可分段读取，?download=true 为下载")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status206PartialContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    /// <summary>Sends a document of a review's case file to a caller who may see the review, recording the opening.</summary>
    internal static IResult SendFromReview(HttpContext context, CaseFiles files, Engine.Reviews.Caller caller, Engine.Reviews.Review review, string sha256, bool download)
    {
        var outcome = files.OpenInReview(caller, review, sha256, CaseFiles.IsOpening(context.Request.Headers.Range.ToString()));
        if (!outcome.Succeeded)
        {
            return ProblemResults.From(outcome.Error!);
        }

        var (file, content, document) = outcome.Value;
        return Send(context, file, content, document.FileName, download);
    }

    // Only the kinds a case file holds are ever stored, none of them a page; the content policy (SecurityHeaders) lets nothing
    // in the response run, and the review page frame it. The name is the one the submission gave, for the browser to show.
    private static IResult Send(HttpContext context, StoredFile file, Stream content, string fileName, bool download)
    {
        var headers = context.Response.Headers;
        headers.ContentDisposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline") { FileNameStar = fileName }.ToString();
        headers.CacheControl = "private, max-age=31536000, immutable";
        return Results.Stream(content, file.ContentType, enableRangeProcessing: true, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<IResult> UploadAsync(HttpContext context, Engine.Reviews.Caller caller, CaseFiles files, FashenOptions options, string sha256)
    {
        if (!IsSha256(sha256))
        {
            return ProblemResults.From(ApiProblems.ValidationFailed("地址中的 SHA-256 应为文件内容的 SHA-256，64 位十六进制数。"));
        }

        sha256 = sha256.ToLowerInvariant();
        if (context.Request.ContentLength > options.MaxFileBytes)
        {
            return ProblemResults.From(ApiProblems.FileTooLarge(options.MaxFileBytes));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxFileBytes;
        }

        var spoolFolder = Path.Combine(Path.GetFullPath(options.DataFolder), "uploads");
        Directory.CreateDirectory(spoolFolder);
        await using var spool = new FileStream(
            Path.Combine(spoolFolder, Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long received = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                received += read;
                if (received > options.MaxFileBytes)
                {
                    return ProblemResults.From(ApiProblems.FileTooLarge(options.MaxFileBytes));
                }

                hash.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ProblemResults.From(ApiProblems.FileTooLarge(options.MaxFileBytes));
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException or OperationCanceledException)
        {
            return ProblemResults.From(ApiProblems.FileTruncated($"只收到 {received} 字节，连接就中断了。"));
        }

        if (context.Request.ContentLength is { } announced && announced != received)
        {
            return ProblemResults.From(ApiProblems.FileTruncated($"Content-Length 为 {announced}，收到 {received} 字节。"));
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != sha256)
        {
            return ProblemResults.From(ApiProblems.FileDigestMismatch(sha256, actual));
        }

        var sniffed = ContentSniffer.Sniff(spool, context.Request.ContentType);
        if (sniffed.Refusal is { } refusal)
        {
            return ProblemResults.From(refusal switch
            {
                SniffRefusal.Executable => ApiProblems.ExecutableFile(sniffed.Problem!),
                SniffRefusal.Truncated => ApiProblems.FileTruncated(sniffed.Problem!),
                SniffRefusal.Mismatch => ApiProblems.FileTypeMismatch(sniffed.Problem!),
                _ => ApiProblems.FileTypeNotAccepted(sniffed.Problem!),
            });
        }

        var outcome = files.Store(caller, sha256, received, sniffed.ContentType!, spool);
        if (!outcome.Succeeded)
        {
            return ProblemResults.From(outcome.Error!);
        }

        var (file, created) = outcome.Value;
        var body = FileResponse.From(file);
        return created ? BufferedJson.Created($"/v1/files/{file.Sha256}", body) : BufferedJson.Ok(body);
    }

    private static bool IsSha256(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigit);

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "application/ofd" => ".ofd",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/tiff" => ".tif",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        "application/msword" => ".doc",
        "application/vnd.ms-excel" => ".xls",
        "audio/mpeg" => ".mp3",
        "audio/wav" => ".wav",
        "video/mp4" => ".mp4",
        "video/x-msvideo" => ".avi",
        _ => ".bin",
    };
}

/// <summary>A file of a case file, as stored.</summary>
/// <param name="Sha256">Its SHA-256: its address and the name submissions use.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ContentType">Its content type, as found in its bytes.</param>
/// <param name="StoredAt">When it was first stored or registered.</param>
/// <param name="Held">Whether Fashen holds the bytes (false: a recording registered in another system).</param>
/// <param name="Recording">Where a registered recording is, or null.</param>
public sealed record FileResponse(string Sha256, long Size, string ContentType, string StoredAt, bool Held, RecordingResponse? Recording)
{
    /// <summary>Describes a stored file.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The response.</returns>
    public static FileResponse From(StoredFile file) => new(
        file.Sha256, file.Size, file.ContentType, file.StoredAt.ToString("O", CultureInfo.InvariantCulture), file.Held,
        file.External is { } e ? new RecordingResponse(e.System, e.Location, e.Duration.TotalSeconds, e.RecordedAt.ToString("O", CultureInfo.InvariantCulture)) : null);
}

/// <summary>Where a registered recording is.</summary>
/// <param name="System">The system that keeps it.</param>
/// <param name="Location">Where in it.</param>
/// <param name="DurationSeconds">How long it is.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record RecordingResponse(string System, string Location, double DurationSeconds, string RecordedAt);

/// <summary>A recording kept in another system, registered without its bytes.</summary>
/// <param name="Sha256">Its SHA-256 as that system computed it.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ContentType">Its content type (video/… or audio/…; video/mp4 when not given).</param>
/// <param name="DurationSeconds">Its duration in seconds.</param>
/// <param name="System">The system that keeps it (e.g. 执法记录仪管理平台).</param>
/// <param name="Location">Where in that system (its id or path there).</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record RegisterRecordingRequest(string? Sha256, long? Size, string? ContentType, double? DurationSeconds, string? System, string? Location, DateTimeOffset? RecordedAt);

