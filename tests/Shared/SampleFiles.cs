using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Fashen.Tests;

/// <summary>Small files of each kind a case file holds, whole and broken, made as their formats say (a PDF with its cross
/// reference table and end marker, a PNG with its chunks, a DOCX as Word writes its parts), for the sniffer and the upload.</summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF that PDF readers open.</summary>
    public static byte[] Pdf(string text = "Fashen")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {34 + text.Length} >>\nstream\nBT /F1 24 Tf 72 720 Td ({text}) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:0000000000} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A DOCX with one paragraph, or with a macro project (a .docm) when asked.</summary>
    public static byte[] Docx(bool withMacros = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Add(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>");
            if (withMacros)
            {
                Add(zip, "word/vbaProject.bin", "macro");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>An MP4: an ftyp box and an mdat box, sizes as written.</summary>
    public static byte[] Mp4()
    {
        var ftyp = Box("ftyp", Encoding.ASCII.GetBytes("isom\0\0\x02\0isomiso2mp41"));
        var mdat = Box("mdat", new byte[64]);
        return [.. ftyp, .. mdat];
    }

    /// <summary>An ELF executable's first bytes.</summary>
    public static byte[] Elf() => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, .. new byte[56]];

    /// <summary>Gets the SHA-256 of bytes as Fashen names files.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Box(string type, byte[] payload)
    {
        var box = new byte[8 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        payload.CopyTo(box, 8);
        return box;
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(content);
    }
}
