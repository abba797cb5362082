using Fashen.Catalogue.Calendar;
using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Publication;
using Fashen.Catalogue.Schema;
using Fashen.Catalogue.Standards;
using Fashen.Catalogue.Statute;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Calendar;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Facts;
using Fashen.Engine.Publication;
using Fashen.Engine.Reviews;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;
using CatalogueModel = Fashen.Engine.Catalogues.Catalogue;

namespace Fashen.Catalogue.Loading;

/// <summary>Everything read from a set of files and folders: catalogues, their fact schemas, the
/// holiday calendar, and every diagnostic, with the source texts needed to show them.</summary>
public sealed class CatalogueWorkspace
{
    /// <summary>The file name looked for, upwards from a catalogue, when it names no schema.</summary>
    public const string SchemaFileName = "facts.yaml";

    /// <summary>The file name looked for, upwards from the catalogues, when no calendar is named.</summary>
    public const string CalendarFileName = "holidays.yaml";

    private readonly Dictionary<string, SourceText> _sources;

    private CatalogueWorkspace(
        IReadOnlyList<CatalogueModel> catalogues,
        WorkingCalendar? calendar,
        IReadOnlyList<Diagnostic> diagnostics,
        Dictionary<string, SourceText> sources,
        int filesChecked,
        IReadOnlyList<string> files,
        IReadOnlyList<MaskingRules> masking)
    {
        Masking = masking;
        Files = files;
        Catalogues = catalogues;
        Calendar = calendar;
        Diagnostics = Diagnostic.Sort(diagnostics);
        _sources = sources;
        FilesChecked = filesChecked;
    }

    /// <summary>Gets the full path of every file read: catalogues, schemas and calendars; what to watch for changes.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets the catalogues read without errors, ordered by department id.</summary>
    public IReadOnlyList<CatalogueModel> Catalogues { get; }

    /// <summary>Gets the departments' masking rules (公开前隐去的个人信息), read from their files beside the catalogues.</summary>
    public IReadOnlyList<MaskingRules> Masking { get; }

    /// <summary>Gets the rules a department's decisions are masked by before publication: its own, or the defaults.</summary>
    /// <param name="department">The department id.</param>
    /// <returns>The rules.</returns>
    public MaskingRules MaskingFor(string department) => Masking.FirstOrDefault(m => m.Department == department) ?? MaskingRules.Default(department);

    /// <summary>Gets the holiday calendar, if one was named, found or given among the files.</summary>
    public WorkingCalendar? Calendar { get; }

    /// <summary>Gets every diagnostic, sorted.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Gets how many YAML files were read.</summary>
    public int FilesChecked { get; }

    /// <summary>Finds the text of a file that was read, to show source lines under diagnostics.</summary>
    /// <param name="path">The path as shown in diagnostics.</param>
    /// <returns>The text, or null.</returns>
    public SourceText? Source(string path) => _sources.GetValueOrDefault(path);

    /// <summary>Finds the latest version of a department's catalogue.</summary>
    /// <param name="department">The department id.</param>
    /// <returns>The catalogue, or null.</returns>
    public CatalogueModel? ForDepartment(string department) => Catalogues.LastOrDefault(c => c.Id == department);

    /// <summary>Builds the set the service and the command line classify with: every version compiled.</summary>
    /// <returns>The set; baselines are left out.</returns>
    public CatalogueSet ToCatalogueSet() => new(Catalogues.Select(Classifier.Compile), Calendar, Masking);

    /// <summary>Reads catalogues, schemas and calendars from files and folders.</summary>
    /// <param name="paths">Files, or folders searched for *.yaml and *.yml files.</param>
    /// <param name="calendarPath">The holiday calendar to use; when null, one named among the paths is used,
    /// or else the nearest holidays.yaml above the first catalogue.</param>
    /// <param name="baseDirectory">The folder paths are shown relative to; the default value is the working folder.</param>
    /// <returns>The workspace.</returns>
    public static CatalogueWorkspace Load(IEnumerable<string> paths, string? calendarPath = null, string? baseDirectory = null)
    {
        var loader = new Loader(baseDirectory ?? Directory.GetCurrentDirectory());
        foreach (var path in paths)
        {
            loader.AddPath(path);
        }

        return loader.Finish(calendarPath);
    }

    private sealed class Loader(string baseDirectory)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly Dictionary<string, SourceText> _sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Result<FactSchema>> _schemas = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StatuteFile?> _statutes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StandardsFile?> _standards = new(StringComparer.Ordinal);
        private readonly HashSet<string> _standardsFiles = new(StringComparer.Ordinal);
        private readonly HashSet<string> _standardsFolders = new(StringComparer.Ordinal);
        private readonly List<(string FullPath, YamlMapping Root)> _catalogueFiles = [];
        private readonly List<string> _calendarFiles = [];
        private readonly List<(MaskingRules Rules, SourceSpan Department)> _masking = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<string> _files = [];

        public void AddPath(string path)
        {
            var full = Path.GetFullPath(path, baseDirectory);
            if (Directory.Exists(full))
            {
                var files = Directory.EnumerateFiles(full, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    AddFile(file);
                }
            }
            else if (File.Exists(full))
            {
                AddFile(full);
            }
            else
            {
                _diagnostics.Add(CatalogueDiagnostics.FileNotFound(SourceSpan.FileOnly(Display(full)), "文件或文件夹", path));
            }
        }

        private void AddFile(string full)
        {
            if (!_seen.Add(full))
            {
                return;
            }

            if (Read(full) is not { } source)
            {
                return;
            }

            var (root, diagnostics) = YamlTreeReader.Read(source);
            switch (root)
            {
                case YamlMapping mapping when CatalogueReader.IsCatalogue(mapping):
                    _diagnostics.AddRange(diagnostics);
                    _catalogueFiles.Add((full, mapping));
                    break;
                case YamlMapping mapping when mapping.Get("facts") is not null:
                    LoadSchema(full);
                    break;
                case YamlMapping mapping when StatuteFile.IsStatute(mapping):
                    LoadStatute(full);
                    break;
                case YamlMapping mapping when StandardsFile.IsStandards(mapping):
                    _diagnostics.AddRange(diagnostics);
                    _standardsFiles.Add(full);
                    break;
                case YamlMapping mapping when mapping.Get("years") is not null:
                    _calendarFiles.Add(full);
                    break;
                case YamlMapping mapping when MaskingRulesReader.IsMaskingRules(mapping):
                    _diagnostics.AddRange(diagnostics);
                    if (MaskingRulesReader.Read(mapping, _diagnostics) is { } rules)
                    {
                        _masking.Add(rules);
                    }

                    break;
                default:
                    _diagnostics.AddRange(diagnostics);
                    if (!diagnostics.Any(d => d.IsError))
                    {
                        _diagnostics.Add(CatalogueDiagnostics.UnknownFileKind(SourceSpan.FileOnly(source.Path)));
                    }

                    break;
            }
        }

        public CatalogueWorkspace Finish(string? calendarPath)
        {
            // Parents before children: a catalogue that extends another is read once its parent is.
            var read = new List<CatalogueModel>();
            var pending = _catalogueFiles.ToList();
            var blocked = new Dictionary<string, (string FullPath, YamlMapping Root)>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                var progress = false;
                foreach (var file in pending.ToList())
                {
                    var parentRef = CatalogueReader.ParentOf(file.Root);
                    CatalogueModel? parent = null;
                    if (parentRef is { } named)
                    {
                        var identity = CatalogueReader.Identity(file.Root);
                        var candidates = _catalogueFiles.Where(f => CatalogueReader.Identity(f.Root)?.Id == named.Id).ToList();
                        parent = read.Where(c => c.Id == named.Id && (identity is null || c.InForceOn(identity.Value.EffectiveFrom)))
                            .MaxBy(c => c.EffectiveFrom);
                        if (parent is null && candidates.Any(c => pending.Contains(c)))
                        {
                            continue;
                        }

                        if (parent is null)
                        {
                            var available = string.Join("、", read.Select(c => $"{c.Id} {c.Version}").Distinct());
                            _diagnostics.Add(CatalogueDiagnostics.UnknownParent(named.Span, named.Id, available.Length == 0 ? "无" : available));
                            pending.Remove(file);
                            progress = true;
                            continue;
                        }
                    }

                    pending.Remove(file);
                    progress = true;
                    if (SchemaFor(file.FullPath, file.Root) is not { } schema || StatuteFor(file.FullPath, file.Root) is not { } statute)
                    {
                        continue;
                    }

                    if (StandardsFor(file.FullPath, file.Root, schema) is not { } standards)
                    {
                        continue;
                    }

                    var result = CatalogueReader.Read(file.Root, schema, parent, statute, standards);
                    _diagnostics.AddRange(result.Diagnostics);
                    if (result.Value is { } catalogue)
                    {
                        read.Add(catalogue with { Commit = GitCheckout.HeadCommit(Path.GetDirectoryName(file.FullPath)!) });
                    }
                }

                if (!progress)
                {
                    // Whatever is left waits on itself: a circle of extends.
                    foreach (var file in pending)
                    {
                        var named = CatalogueReader.ParentOf(file.Root)!.Value;
                        var id = CatalogueReader.Identity(file.Root)?.Id ?? "?";
                        _diagnostics.Add(CatalogueDiagnostics.InheritanceCycle(named.Span, $"{id} → {named.Id} → …"));
                    }

                    break;
                }
            }

            CheckVersions(read);
            var calendar = LoadCalendar(calendarPath);
            return new CatalogueWorkspace(
                read.OrderBy(c => c.Id, StringComparer.Ordinal).ThenBy(c => c.EffectiveFrom).ToList(), calendar, _diagnostics, _sources, _sources.Count, _files,
                CheckMasking(read));
        }

        // One file of masking rules per department, and only for a department whose catalogue is read with it.
        private List<MaskingRules> CheckMasking(List<CatalogueModel> catalogues)
        {
            var kept = new List<MaskingRules>();
            var departments = catalogues.Select(c => c.Id).Distinct().ToList();
            foreach (var (rules, at) in _masking)
            {
                if (!departments.Contains(rules.Department))
                {
                    var closest = NameSuggestions.Closest(rules.Department, departments);
                    _diagnostics.Add(CatalogueDiagnostics.MaskingRulesMisplaced(
                        at, $"没有部门“{rules.Department}”的目录清单" + (closest is null ? "。" : $"，是否是 {closest}？") + "隐去规则写在本部门目录清单旁边，department 与目录清单的 department.id 相同。"));
                }
                else if (kept.Any(k => k.Department == rules.Department))
                {
                    _diagnostics.Add(CatalogueDiagnostics.MaskingRulesMisplaced(at, $"部门 {rules.Department} 已有一份隐去规则，每个部门只写一份。"));
                }
                else
                {
                    kept.Add(rules);
                }
            }

            return kept;
        }

        // Versions of one department: distinct start days and version names, no explicit overlap, one governing date.
        private void CheckVersions(List<CatalogueModel> catalogues)
        {
            // Diagnostics point at the line that says it: effective_from, version, governing_date.
            SourceSpan At(CatalogueModel catalogue, string key)
            {
                var root = _catalogueFiles.FirstOrDefault(f => f.Root.Source.Path == catalogue.Span.File).Root;
                return root?.Get(key)?.Span ?? root?.Entries[0].Key.Span ?? catalogue.Span;
            }

            foreach (var versions in catalogues.GroupBy(c => c.Id).Select(g => g.OrderBy(c => c.EffectiveFrom).ToList()))
            {
                for (var i = 1; i < versions.Count; i++)
                {
                    var (earlier, later) = (versions[i - 1], versions[i]);
                    if (later.EffectiveFrom == earlier.EffectiveFrom)
                    {
                        _diagnostics.Add(CatalogueDiagnostics.DuplicateDepartment(At(later, "effective_from"), later.Id, earlier.Span.File));
                    }
                    else if (earlier.EffectiveTo is { } end && end >= later.EffectiveFrom)
                    {
                        _diagnostics.Add(CatalogueDiagnostics.VersionsOverlap(
                            At(later, "effective_from"), later.Id, $"{later.Version}（{later.Period}）", $"{earlier.Version}（{earlier.Period}，{earlier.Span.File}）"));
                    }
                }

                foreach (var duplicate in versions.GroupBy(v => v.Version).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
                {
                    _diagnostics.Add(CatalogueDiagnostics.DuplicateVersion(At(duplicate, "version"), duplicate.Id, duplicate.Version, versions.First(v => v.Version == duplicate.Version).Span.File));
                }

                var latest = versions[^1];
                foreach (var other in versions.Where(v => v.GoverningDate != latest.GoverningDate))
                {
                    _diagnostics.Add(CatalogueDiagnostics.GoverningDatesDiffer(
                        At(other, "governing_date"), other.Id, other.GoverningDate.ToWire(), $"{latest.Version}（{latest.Span.File}）为 {latest.GoverningDate.ToWire()}"));
                }
            }
        }

        private FactSchema? SchemaFor(string catalogueFile, YamlMapping root)
        {
            var folder = Path.GetDirectoryName(catalogueFile)!;
            string? schemaFile;
            if (root.Get("schema") is YamlScalar { IsNull: false } named)
            {
                schemaFile = Path.GetFullPath(Path.Combine(folder, named.Value.Trim()));
                if (!File.Exists(schemaFile))
                {
                    _diagnostics.Add(CatalogueDiagnostics.FileNotFound(named.Span, "事实表", named.Value.Trim()));
                    return null;
                }
            }
            else if ((schemaFile = FindUpwards(folder, SchemaFileName)) is null)
            {
                _diagnostics.Add(CatalogueDiagnostics.FileNotFound(root.Entries[0].Key.Span, "事实表", SchemaFileName + "（在目录清单所在文件夹及其上级文件夹中查找）"));
                return null;
            }

            return LoadSchema(schemaFile);
        }

        // The standards a catalogue names (standards: [名称]), found among the standards files read and those in its folder and
        // the folders above it; null after a diagnostic.
        private List<StandardsFile>? StandardsFor(string catalogueFile, YamlMapping root, FactSchema schema)
        {
            if (root.Get("standards") is not YamlSequence names)
            {
                return [];
            }

            // Each folder is looked through once, however many catalogues in and under it name standards.
            for (var dir = new DirectoryInfo(Path.GetDirectoryName(catalogueFile)!); dir is not null && _standardsFolders.Add(dir.FullName); dir = dir.Parent)
            {
                foreach (var file in dir.EnumerateFiles("*.yaml").Where(f => f.Name == "standards.yaml" || f.Name.EndsWith(".standards.yaml", StringComparison.Ordinal)))
                {
                    _standardsFiles.Add(file.FullName);
                }
            }

            var available = _standardsFiles.Order(StringComparer.Ordinal).Select(f => LoadStandards(f, schema)).OfType<StandardsFile>().ToList();
            var found = new List<StandardsFile>();
            foreach (var item in names.Items.OfType<YamlScalar>())
            {
                var name = item.Value.Trim();
                if (available.FirstOrDefault(a => a.Name == name) is { } standards)
                {
                    found.Add(standards);
                    continue;
                }

                var closest = NameSuggestions.Closest(name, available.Select(a => a.Name).ToList());
                var hint = closest is not null
                    ? $"是否想写“{closest}”？"
                    : available.Count == 0 ? "没有找到任何上级标准文件。" : $"可用的上级标准：{string.Join("、", available.Select(a => a.Name))}。";
                _diagnostics.Add(CatalogueDiagnostics.UnknownStandards(item.Span, name, hint)
                    with { Fix = closest is null ? null : new DiagnosticFix(item.Span, closest) });
                return null;
            }

            return found;
        }

        private StandardsFile? LoadStandards(string full, FactSchema schema)
        {
            if (!_standards.TryGetValue(full, out var standards))
            {
                var diagnostics = new List<Diagnostic>();
                if (Read(full) is { } source && YamlTreeReader.Read(source) is ({ } root, var yamlDiagnostics))
                {
                    diagnostics.AddRange(yamlDiagnostics.Where(d => !_diagnostics.Contains(d)));
                    standards = root is YamlMapping mapping && StandardsFile.IsStandards(mapping) ? StandardsFile.Read(mapping, schema, diagnostics) : null;
                }

                _diagnostics.AddRange(diagnostics);
                _standards[full] = diagnostics.Any(d => d.IsError) ? null : standards;
            }

            return _standards[full];
        }

        // The national baseline the catalogue names (statute:), or else the nearest statute.yaml above it.
        private StatuteFile? StatuteFor(string catalogueFile, YamlMapping root)
        {
            var folder = Path.GetDirectoryName(catalogueFile)!;
            string? statuteFile;
            if (root.Get("statute") is YamlScalar { IsNull: false } named)
            {
                statuteFile = Path.GetFullPath(Path.Combine(folder, named.Value.Trim()));
                if (!File.Exists(statuteFile))
                {
                    _diagnostics.Add(CatalogueDiagnostics.StatuteNotFound(named.Span, named.Value.Trim()));
                    return null;
                }
            }
            else if ((statuteFile = FindUpwards(folder, StatuteFile.FileName)) is null)
            {
                _diagnostics.Add(CatalogueDiagnostics.StatuteNotFound(root.Entries[0].Key.Span, StatuteFile.FileName + "，在目录清单所在文件夹及其上级文件夹中查找"));
                return null;
            }

            return LoadStatute(statuteFile);
        }

        private StatuteFile? LoadStatute(string full)
        {
            if (!_statutes.TryGetValue(full, out var statute))
            {
                _seen.Add(full);
                var diagnostics = new List<Diagnostic>();
                if (Read(full) is { } source && YamlTreeReader.ReadMapping(source, "全国法定基准", diagnostics) is { } mapping)
                {
                    statute = StatuteFile.Read(mapping, diagnostics);
                }

                _statutes[full] = statute;
                _diagnostics.AddRange(diagnostics);
            }

            return statute;
        }

        private FactSchema? LoadSchema(string full)
        {
            if (!_schemas.TryGetValue(full, out var result))
            {
                _seen.Add(full);
                var source = Read(full);
                result = source is null ? Result<FactSchema>.Failure([]) : FactSchemaLoader.Load(source);
                _schemas[full] = result;
                _diagnostics.AddRange(result.Diagnostics);
            }

            return result.Value;
        }

        private WorkingCalendar? LoadCalendar(string? calendarPath)
        {
            string? file;
            if (calendarPath is not null)
            {
                file = Path.GetFullPath(calendarPath, baseDirectory);
                if (!File.Exists(file))
                {
                    _diagnostics.Add(CatalogueDiagnostics.FileNotFound(SourceSpan.FileOnly(Display(file)), "节假日安排", calendarPath));
                    return null;
                }
            }
            else
            {
                file = _calendarFiles.FirstOrDefault()
                    ?? _catalogueFiles.Select(c => FindUpwards(Path.GetDirectoryName(c.FullPath)!, CalendarFileName)).FirstOrDefault(f => f is not null);
            }

            if (file is null || Read(file) is not { } source)
            {
                return null;
            }

            var result = HolidayCalendarLoader.Load(source);
            _diagnostics.AddRange(result.Diagnostics);
            foreach (var extra in _calendarFiles.Where(f => f != file).Select(Read).OfType<SourceText>())
            {
                _diagnostics.AddRange(HolidayCalendarLoader.Load(extra).Diagnostics);
            }

            return result.Value;
        }

        private SourceText? Read(string full)
        {
            var display = Display(full);
            if (_sources.TryGetValue(display, out var existing))
            {
                return existing;
            }

            try
            {
                var source = new SourceText(display, File.ReadAllText(full));
                _sources[display] = source;
                _files.Add(full);
                return source;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _diagnostics.Add(CatalogueDiagnostics.FileUnreadable(SourceSpan.FileOnly(display), exception.Message));
                return null;
            }
        }

        private static string? FindUpwards(string folder, string fileName)
        {
            for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        // Paths are shown relative to the base folder when inside it, with forward slashes.
        private string Display(string full)
        {
            var relative = Path.GetRelativePath(baseDirectory, full);
            return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
        }
    }
}
