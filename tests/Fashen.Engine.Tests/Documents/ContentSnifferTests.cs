using System.Text;
using Fashen.Engine.Documents;

namespace Fashen.Engine.Tests.Documents;

public sealed class ContentSnifferTests
{
    public static TheoryData<string, string?, string> Accepted => new()
    {
        { "pdf", "application/pdf", "application/pdf" },
        { "pdf", null, "application/pdf" },
        { "pdf", "application/octet-stream", "application/pdf" },
        { "png", "image/png", "image/png" },
        { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "mp4", "video/mp4", "video/mp4" },
        { "jpeg", "image/jpg", "image/jpeg" },
    };

    public static TheoryData<string, string?, SniffRefusal> Refused => new()
    {
        { "elf", "application/pdf", SniffRefusal.Executable },
        { "mz", null, SniffRefusal.Executable },
        { "script", "text/plain", SniffRefusal.Executable },
        { "docm", null, SniffRefusal.Executable },
        { "pdf", "image/png", SniffRefusal.Mismatch },
        { "png", "application/pdf", SniffRefusal.Mismatch },
        { "pdf-cut", "application/pdf", SniffRefusal.Truncated },
        { "png-cut", "image/png", SniffRefusal.Truncated },
        { "mp4-cut", "video/mp4", SniffRefusal.Truncated },
        { "zip-cut", null, SniffRefusal.Truncated },
        { "html", "application/pdf", SniffRefusal.NotAccepted },
        { "svg", "image/svg+xml", SniffRefusal.NotAccepted },
        { "empty", null, SniffRefusal.NotAccepted },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void FilesOfTheKindsACaseFileHolds_AreFoundFromTheirBytes(string sample, string? declared, string expected)
    {
        var result = ContentSniffer.Sniff(new MemoryStream(Bytes(sample)), declared);

        Assert.Null(result.Problem);
        Assert.Equal(expected, result.ContentType);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void ProgramsMismatchesCutFilesAndPages_AreRefusedWithAReason(string sample, string? declared, SniffRefusal expected)
    {
        var result = ContentSniffer.Sniff(new MemoryStream(Bytes(sample)), declared);

        Assert.Equal(expected, result.Refusal);
        Assert.Null(result.ContentType);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    private static byte[] Bytes(string sample) => sample switch
    {
        "pdf" => SampleFiles.Pdf(),
        "pdf-cut" => SampleFiles.Pdf()[..^40],
        "png" => SampleFiles.Png(),
        "png-cut" => SampleFiles.Png()[..^5],
        "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF\0"u8.ToArray(), .. new byte[20], 0xFF, 0xD9],
        "docx" => SampleFiles.Docx(),
        "docm" => SampleFiles.Docx(withMacros: true),
        "zip-cut" => SampleFiles.Docx()[..^30],
        "mp4" => SampleFiles.Mp4(),
        "mp4-cut" => SampleFiles.Mp4()[..^10],
        "elf" => SampleFiles.Elf(),
        "mz" => [.. "MZ"u8.ToArray(), .. new byte[200]],
        "script" => Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /\n"),
        "html" => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
        "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
        _ => [],
    };
}
