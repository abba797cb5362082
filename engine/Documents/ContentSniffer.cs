using System.Buffers.Binary;
using System.IO.Compression;

namespace Fashen.Engine.Documents;

/// <summary>What a file is, found from its bytes: the kinds a case file holds (PDF, OFD, images, office documents, audio and
/// video), each checked to be whole as far as its format says where it ends. Anything else, executables and macro-enabled
/// documents above all, is refused; a declared content type is only compared, never believed.</summary>
/// <remarks>Reads a seekable stream: the upload spooled to disk, never the whole file in memory. Served inline later, so what
/// is not on the list (HTML, SVG, scripts) stays out however it is labelled.</remarks>
public static class ContentSniffer
{
    private const string OleFamily = "application/x-ole-storage";

    // Declared types a client may send for each kind (lower case, without parameters).
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["application/pdf"] = ["application/pdf", "application/x-pdf"],
        ["application/ofd"] = ["application/ofd", "application/x-ofd"],
        ["image/jpeg"] = ["image/jpeg", "image/jpg", "image/pjpeg"],
        ["image/png"] = ["image/png"],
        ["image/tiff"] = ["image/tiff", "image/tif"],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        [OleFamily] = ["application/msword", "application/vnd.ms-excel", "application/kswps", "application/vnd.ms-works", "application/wps-office.wps", "application/wps-office.et", "application/x-ole-storage"],
        ["audio/mpeg"] = ["audio/mpeg", "audio/mp3"],
        ["video/mp4"] = ["video/mp4", "audio/mp4", "video/quicktime", "audio/m4a", "audio/x-m4a"],
        ["audio/wav"] = ["audio/wav", "audio/x-wav", "audio/wave"],
        ["video/x-msvideo"] = ["video/x-msvideo", "video/avi"],
    };

    /// <summary>Gets the content types accepted, for documentation and error messages.</summary>
    public static IReadOnlyCollection<string> Accepted => Aliases.Keys;

    /// <summary>Finds what a file is and whether it is whole.</summary>
    /// <param name="content">The bytes, seekable.</param>
    /// <param name="declared">The content type the sender declared, or null.</param>
    /// <returns>What it is, or why it is refused.</returns>
    public static SniffResult Sniff(Stream content, string? declared)
    {
        ArgumentNullException.ThrowIfNull(content);
        var length = content.Length;
        var head = Read(content, 0, (int)Math.Min(length, 4096));
        var (type, problem) = Identify(content, head, length);
        if (problem is not null)
        {
            return problem;
        }

        var claimed = Normalise(declared);
        if (claimed is not null && claimed != "application/octet-stream" && !Aliases[type!].Contains(claimed, StringComparer.Ordinal))
        {
            return SniffResult.Refuse(SniffRefusal.Mismatch, $"声明的类型是 {claimed}，文件内容却是 {Describe(type!)}。");
        }

        // Old office documents share one container; the declared type says which, as long as it is one of them.
        return SniffResult.Accept(type == OleFamily && claimed is not null && Aliases[OleFamily].Contains(claimed, StringComparer.Ordinal) ? claimed : type!);
    }

    private static (string? Type, SniffResult? Problem) Identify(Stream content, byte[] head, long length)
    {
        var span = head.AsSpan();
        if (IsExecutable(span))
        {
            return (null, SniffResult.Refuse(SniffRefusal.Executable, "文件是可执行程序或脚本，不能作为案卷材料。"));
        }

        if (span.IndexOf("%PDF-"u8) is >= 0 and < 1024)
        {
            return ("application/pdf", Tail(content, length, 2048).AsSpan().IndexOf("%%EOF"u8) >= 0 ? null : Truncated("PDF 文件没有结束标记（%%EOF）"));
        }

        if (span.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return ("image/jpeg", Tail(content, length, 1024).AsSpan().IndexOf(new byte[] { 0xFF, 0xD9 }) >= 0 ? null : Truncated("JPEG 图像没有结束标记"));
        }

        if (span.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ("image/png", Tail(content, length, 12).AsSpan().SequenceEqual(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }) ? null : Truncated("PNG 图像没有 IEND 块"));
        }

        if (span.StartsWith("II*\0"u8) || span.StartsWith("MM\0*"u8))
        {
            var littleEndian = span[0] == (byte)'I';
            var firstDirectory = span.Length >= 8 ? (littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) : BinaryPrimitives.ReadUInt32BigEndian(span[4..])) : uint.MaxValue;
            return ("image/tiff", firstDirectory + 2 <= length ? null : Truncated("TIFF 图像的目录在文件之外"));
        }

        if (span.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            var sectorShift = span.Length >= 32 ? BinaryPrimitives.ReadUInt16LittleEndian(span[30..]) : 0;
            return sectorShift is 9 or 12 && length % (1L << sectorShift) == 0
                ? (OleFamily, null)
                : (null, Truncated("文档（WPS/DOC/XLS）长度与其扇区大小不符"));
        }

        if (span.StartsWith("PK\x03\x04"u8))
        {
            return Zip(content);
        }

        if (span.Length >= 12 && span[4..8].SequenceEqual("ftyp"u8))
        {
            return ("video/mp4", BoxesEndAtTheEnd(content, length) ? null : Truncated("MP4 文件的数据块没有到文件末尾"));
        }

        if (span.Length >= 12 && span.StartsWith("RIFF"u8) && (span[8..12].SequenceEqual("WAVE"u8) || span[8..12].SequenceEqual("AVI "u8)))
        {
            var type = span[8..12].SequenceEqual("WAVE"u8) ? "audio/wav" : "video/x-msvideo";
            return (type, BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) + 8L <= length ? null : Truncated("RIFF 文件比它声明的长度短"));
        }

        if (span.StartsWith("ID3"u8) || (span.Length >= 2 && span[0] == 0xFF && (span[1] & 0xE0) == 0xE0 && (span[1] & 0x06) != 0))
        {
            return ("audio/mpeg", null);
        }

        return (null, SniffResult.Refuse(SniffRefusal.NotAccepted, "文件内容不是可以收入案卷的类型。可以上传：PDF、OFD、JPEG、PNG、TIFF、DOCX、XLSX、WPS/DOC/XLS、MP3、WAV、MP4、AVI。"));
    }

    // A ZIP container: OFD, DOCX or XLSX by what it holds; programs and macros refused; a ZIP whose directory cannot be read
    // is cut short (the directory is at the end).
    private static (string? Type, SniffResult? Problem) Zip(Stream content)
    {
        HashSet<string> names;
        try
        {
            content.Position = 0;
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            return (null, Truncated("压缩包的目录读不出来"));
        }

        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || n.Equals("META-INF/MANIFEST.MF", StringComparison.OrdinalIgnoreCase)
            || n.Equals("AndroidManifest.xml", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(n).ToLowerInvariant() is ".exe" or ".dll" or ".bat" or ".cmd" or ".ps1" or ".vbs" or ".js" or ".sh" or ".scr" or ".msi"))
        {
            return (null, SniffResult.Refuse(SniffRefusal.Executable, "文件中含有宏或程序，不能作为案卷材料。"));
        }

        if (names.Contains("OFD.xml"))
        {
            return ("application/ofd", null);
        }

        if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
        {
            return ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", null);
        }

        if (names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml"))
        {
            return ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null);
        }

        return (null, SniffResult.Refuse(SniffRefusal.NotAccepted, "压缩文件不是 OFD、DOCX 或 XLSX，不能作为案卷材料。"));
    }

    // ISO base media (MP4, MOV): top-level boxes, each with its size, must end exactly at the end of the file.
    private static bool BoxesEndAtTheEnd(Stream content, long length)
    {
        long at = 0;
        for (var boxes = 0; at < length && boxes < 100_000; boxes++)
        {
            var header = Read(content, at, 16);
            if (header.Length < 8)
            {
                return false;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size == 1)
            {
                if (header.Length < 16)
                {
                    return false;
                }

                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            else if (size == 0)
            {
                return true;   // the last box runs to the end
            }

            if (size < 8)
            {
                return false;
            }

            at += size;
        }

        return at == length;
    }

    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)
        || head.StartsWith(new byte[] { 0x7F, 0x45, 0x4C, 0x46 })
        || head.StartsWith(new byte[] { 0xFE, 0xED, 0xFA, 0xCE }) || head.StartsWith(new byte[] { 0xFE, 0xED, 0xFA, 0xCF })
        || head.StartsWith(new byte[] { 0xCE, 0xFA, 0xED, 0xFE }) || head.StartsWith(new byte[] { 0xCF, 0xFA, 0xED, 0xFE })
        || head.StartsWith(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE })
        || head.StartsWith("#!"u8);

    private static SniffResult Truncated(string what) => SniffResult.Refuse(SniffRefusal.Truncated, $"文件不完整（{what}），可能上传被中断。");

    private static string? Normalise(string? declared) =>
        string.IsNullOrWhiteSpace(declared) ? null : declared.Split(';')[0].Trim().ToLowerInvariant();

    private static string Describe(string type) => type == OleFamily ? "WPS/DOC/XLS 文档" : type;

    private static byte[] Tail(Stream content, long length, int count) => Read(content, Math.Max(0, length - count), (int)Math.Min(length, count));

    private static byte[] Read(Stream content, long at, int count)
    {
        var buffer = new byte[count];
        content.Position = at;
        var read = 0;
        while (read < count)
        {
            var n = content.Read(buffer, read, count - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == count ? buffer : buffer[..read];
    }
}

/// <summary>Why a file was refused.</summary>
public enum SniffRefusal
{
    /// <summary>Not a kind a case file holds.</summary>
    NotAccepted,

    /// <summary>A program, a script, or a document with macros.</summary>
    Executable,

    /// <summary>Cut short.</summary>
    Truncated,

    /// <summary>Not the declared content type.</summary>
    Mismatch,
}

/// <summary>What a file was found to be, or why it is refused.</summary>
/// <param name="ContentType">The content type found, when accepted.</param>
/// <param name="Refusal">Why refused, or null.</param>
/// <param name="Problem">The reason in Chinese, or null.</param>
public sealed record SniffResult(string? ContentType, SniffRefusal? Refusal, string? Problem)
{
    internal static SniffResult Accept(string contentType) => new(contentType, null, null);

    internal static SniffResult Refuse(SniffRefusal refusal, string problem) => new(null, refusal, problem);
}
