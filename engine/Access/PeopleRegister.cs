using Fashen.Engine.Facts;

namespace Fashen.Engine.Access;

/// <summary>Finds the people a submission names (报送人, 承办人) among those known to the service: the accounts of the
/// department, by sign-in name or by name. Separation of duties then compares accounts, so that a title, a space or an
/// invisible character cannot make a handler someone else.</summary>
public static class PeopleRegister
{
    /// <summary>Resolves a name written in a submission to a person of the department.</summary>
    /// <param name="accounts">Every account.</param>
    /// <param name="department">The department the case belongs to.</param>
    /// <param name="written">The name as written: a sign-in name or a person's name.</param>
    /// <returns>The person, or why the name names nobody (or more than one).</returns>
    public static PersonLookup Resolve(IEnumerable<Account> accounts, string department, string written)
    {
        if (PersonNames.NormalizeName(written, out var name) is { } problem)
        {
            return new PersonLookup(null, problem, []);
        }

        var people = accounts.Where(a => a.Departments.Contains(department) || a.Departments.Contains("*")).ToList();
        if (people.FirstOrDefault(a => a.Username == name) is { } byUsername)
        {
            return new PersonLookup(byUsername, null, []);
        }

        var byName = people.Where(a => PersonNames.NormalizeName(a.DisplayName, out var known) is null && known == name).ToList();
        return byName.Count switch
        {
            1 => new PersonLookup(byName[0], null, []),
            > 1 => new PersonLookup(null, $"本部门有 {byName.Count} 位“{name}”，请写登录名：{string.Join("、", byName.Select(a => a.Username))}。", []),
            _ => new PersonLookup(null, $"本部门没有名为“{name}”的人员。", Closest(people, name)),
        };
    }

    // The people whose name or sign-in name is nearest to what was written, as "李敏（li.min）".
    private static List<string> Closest(List<Account> people, string name)
    {
        var names = people.SelectMany(a => new[] { a.DisplayName, a.Username }).ToList();
        var suggestions = new List<string>();
        var remaining = names;
        for (var i = 0; i < 3 && NameSuggestions.Closest(name, remaining) is { } next; i++)
        {
            var person = people.First(a => a.DisplayName == next || a.Username == next);
            suggestions.Add($"{person.DisplayName}（{person.Username}）");
            remaining = remaining.Where(n => n != person.DisplayName && n != person.Username).ToList();
        }

        // A name with a title or note added (李敏（科长）) contains the name it means.
        foreach (var person in people.Where(a => name.Contains(a.DisplayName, StringComparison.Ordinal) && a.DisplayName.Length >= 2))
        {
            var suggestion = $"{person.DisplayName}（{person.Username}）";
            if (!suggestions.Contains(suggestion))
            {
                suggestions.Insert(0, suggestion);
            }
        }

        return suggestions;
    }
}

/// <summary>What a name written in a submission resolved to.</summary>
/// <param name="Person">The person, when the name names exactly one.</param>
/// <param name="Problem">Why it does not, in Chinese, or null.</param>
/// <param name="Suggestions">The people it may have meant, as "姓名（登录名）".</param>
public sealed record PersonLookup(Account? Person, string? Problem, IReadOnlyList<string> Suggestions);
