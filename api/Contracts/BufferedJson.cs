using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Fashen.Api.Contracts;

/// <summary>The API's JSON answers: serialized in full first, then sent in one write with their
/// <c>Content-Length</c>.</summary>
/// <remarks>
/// <c>TypedResults.Ok</c> serializes into the response as it goes, so the length is not known when the headers
/// leave. Kestrel then sends the body chunked: the headers and the body, and then the closing chunk, in separate
/// writes to the socket, and the client reads each of them. For a classification answer (about 4 KB) that costs more
/// than serializing it. On this machine, 64 connections classifying without the record did 10,700 requests a second
/// that way and 16,300 with the whole answer sent at once (docs/performance.md). Every answer of this API is small
/// enough to hold in memory; a large export would stream instead.
/// </remarks>
public static class BufferedJson
{
    /// <summary>200 OK with <paramref name="value"/> as JSON.</summary>
    public static BufferedJson<T> Ok<T>(T value) => new(value, StatusCodes.Status200OK, null);

    /// <summary>201 Created with the new resource's <paramref name="location"/> and <paramref name="value"/> as JSON.</summary>
    public static BufferedJson<T> Created<T>(string location, T value) => new(value, StatusCodes.Status201Created, location);
}

/// <summary>A JSON answer sent in one piece (<see cref="BufferedJson"/>).</summary>
/// <typeparam name="T">The answer's type; its runtime type is what is written, as with <c>TypedResults.Ok</c>.</typeparam>
public sealed class BufferedJson<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    internal BufferedJson(T value, int statusCode, string? location)
    {
        Value = value;
        StatusCode = statusCode;
        Location = location;
    }

    /// <summary>Gets the value written.</summary>
    public T Value { get; }

    /// <summary>Gets the status code.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the Location header's value, for 201 Created; null otherwise.</summary>
    public string? Location { get; }

    /// <inheritdoc/>
    public string ContentType => "application/json; charset=utf-8";

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => Value;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        // The same options as TypedResults (the application's JsonOptions): web names, Chinese unescaped.
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(Value, options.GetTypeInfo(Value?.GetType() ?? typeof(T)));
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
