namespace Fashen.Engine.Records;

/// <summary>Who did something recorded: a person, a case system, or Fashen itself.</summary>
/// <param name="Kind">What kind of actor.</param>
/// <param name="Id">The account id, API client id, or "fashen".</param>
/// <param name="Name">The name shown in records: a person's name, or the case system's name with the case handler.</param>
public sealed record Actor(ActorKind Kind, string Id, string Name)
{
    /// <summary>Gets Fashen itself, for what it records on its own (automatic acceptance, reloads).</summary>
    public static Actor System { get; } = new(ActorKind.System, "fashen", "法审系统");
}

/// <summary>The kinds of actor.</summary>
public enum ActorKind
{
    /// <summary>A person with an account.</summary>
    Person,

    /// <summary>A case system calling with an API key.</summary>
    CaseSystem,

    /// <summary>Fashen itself.</summary>
    System,
}
