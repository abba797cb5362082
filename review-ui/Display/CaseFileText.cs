using System.Globalization;

namespace Fashen.ReviewUi.Display;

/// <summary>How the case file's documents are described and shown in the pages.</summary>
public static class CaseFileText
{
    /// <summary>A content type as a reviewer names the kind of file.</summary>
    public static string Kind(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "application/ofd" => "OFD",
        "image/jpeg" or "image/png" or "image/tiff" => "图像",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" or "application/msword" or "application/kswps" or "application/wps-office.wps" => "文字文档",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" or "application/vnd.ms-excel" or "application/wps-office.et" => "表格",
        _ when contentType.StartsWith("audio/", StringComparison.Ordinal) => "录音",
        _ when contentType.StartsWith("video/", StringComparison.Ordinal) => "录像",
        _ => "文件",
    };

    /// <summary>A size in bytes as people read it.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    /// <summary>How the page shows a file in place: pdf, image, audio, video, or none (downloaded only). TIFF and office
    /// documents are not shown by browsers, so they are downloaded.</summary>
    public static string Viewer(string contentType) => contentType switch
    {
        "application/pdf" => "pdf",
        "image/jpeg" or "image/png" => "image",
        "audio/mpeg" or "audio/wav" => "audio",
        "video/mp4" => "video",
        _ => "none",
    };
}
