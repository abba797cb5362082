using System.Xml.Linq;
using Fashen.Store;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Fashen.Api.Access;

/// <summary>The keys that protect sign-in tokens and cookies, kept among the store's shared keys, so that a
/// token one instance issued is accepted by every other instance behind the same load balancer.</summary>
/// <param name="keys">The store's shared keys.</param>
internal sealed class SharedKeyXmlRepository(ISharedKeys keys) : IXmlRepository
{
    private const string Prefix = "data-protection/";

    /// <inheritdoc/>
    public IReadOnlyCollection<XElement> GetAllElements() =>
        keys.List(Prefix).Select(k => XElement.Parse(k.Value)).ToList();

    /// <inheritdoc/>
    public void StoreElement(XElement element, string friendlyName) =>
        keys.Add(Prefix + friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
