using System.Security.Cryptography;
using Fashen.Engine.Documents;

namespace Fashen.Store.Files;

/// <summary>The bytes of the case file on the single-machine deployment: one file per SHA-256 under the data folder
/// (<c>files/ab/abcdef…</c>), written beside and renamed into place only once whole and hashed, then made read-only and
/// never written again. The records of the files are in the database, with the entries that stored them.</summary>
/// <remarks>Beside the database rather than in it: a 200 MB video in LiteDB's single file would be copied through its log
/// and hold its one writer for seconds, and every backup of the record would carry it again.</remarks>
internal sealed class FolderFiles
{
    private readonly string _root;
    private readonly string _incoming;

    public FolderFiles(string dataFolder)
    {
        _root = Path.Combine(dataFolder, "files");
        _incoming = Path.Combine(_root, ".incoming");
        Directory.CreateDirectory(_incoming);

        // What an earlier run left half-written is never a kept file: only a rename makes one.
        foreach (var left in Directory.EnumerateFiles(_incoming))
        {
            File.Delete(left);
        }
    }

    public void Keep(string sha256, long size, Stream content)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        var incoming = Path.Combine(_incoming, Guid.NewGuid().ToString("N"));
        try
        {
            using (var target = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                content.Position = 0;
                var buffer = new byte[1 << 16];
                int read;
                long total = 0;
                while ((read = content.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    target.Write(buffer, 0, read);
                    total += read;
                }

                if (total != size || Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
                {
                    throw new FileContentMismatchException($"文件内容与其 SHA-256 {sha256} 或大小 {size} 不符，未保存。");
                }

                target.Flush(flushToDisk: true);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                File.Move(incoming, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Kept meanwhile by another request: the same bytes, since the name is their hash.
                return;
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
            }
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16) : null;
    }

    // Two hexadecimal digits per folder, so no folder holds more than a few thousand files. The name is checked to be a
    // SHA-256 before it is ever part of a path.
    private string PathOf(string sha256) => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
        ? Path.Combine(_root, sha256[..2], sha256)
        : throw new ArgumentException("Not a SHA-256 in lower-case hexadecimal.", nameof(sha256));
}
