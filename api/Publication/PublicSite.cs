using System.Security.Cryptography;
using System.Text;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Publication;

/// <summary>The public site as served: every page and document built once for a catalogue set and a day, each with
/// an entity tag. The public's requests need no sign-in and may come in any number, so each costs a look-up, and
/// nothing but headers when the copy the browser holds is still current.</summary>
public sealed class PublicSite
{
    private volatile Snapshot? _current;

    /// <summary>Finds a file of the site as published from a catalogue set on a day.</summary>
    /// <param name="set">The catalogues in force.</param>
    /// <param name="today">The day of publication.</param>
    /// <param name="name">The file's name, such as <c>scjg.html</c>.</param>
    /// <returns>The file, or null when the site has none of that name.</returns>
    public PublicFile? Find(CatalogueSet set, DateOnly today, string name)
    {
        var snapshot = _current;
        if (snapshot is null || !ReferenceEquals(snapshot.Set, set) || snapshot.Today != today)
        {
            // Requests that race here each build the same files; whichever copy is kept is right.
            snapshot = new Snapshot(set, today, Build(set, today));
            _current = snapshot;
        }

        return snapshot.Files.GetValueOrDefault(name);
    }

    private static Dictionary<string, PublicFile> Build(CatalogueSet set, DateOnly today) =>
        PublicPages.Files(PublicCatalogue.All(set, today)).ToDictionary(f => f.Name, f => PublicFile.Of(f.Name, f.Text), StringComparer.Ordinal);

    private sealed record Snapshot(CatalogueSet Set, DateOnly Today, Dictionary<string, PublicFile> Files);
}

/// <summary>One file of the public site.</summary>
/// <param name="Content">The file as sent (UTF-8).</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="ETag">Its entity tag, from its content: the same on every instance that serves the same catalogues.</param>
public sealed record PublicFile(byte[] Content, string ContentType, string ETag)
{
    /// <summary>Makes a file from its name and text.</summary>
    /// <param name="name">The name; its extension gives the media type.</param>
    /// <param name="text">The text.</param>
    /// <returns>The file.</returns>
    public static PublicFile Of(string name, string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var contentType = name.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
        return new PublicFile(content, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
    }
}
