using System.Globalization;
using System.Text;
using System.Text.Json;
using Fashen.Engine.Diagnostics;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Decisions;

/// <summary>Reads a decision from JSON text, keeping the position of every field and value so that
/// diagnostics point into the file.</summary>
/// <remarks>The JSON shape (camelCase): <c>caseId</c>, <c>department</c>, <c>action</c>,
/// <c>procedure</c>, <c>proposedOn</c>, <c>filedOn</c>, <c>party</c>, <c>cause</c> and <c>facts</c>, an object from fact key or alias to value.
/// A judgement flag's value is <c>{"raised": true, "raisedBy": "…", "reason": "…"}</c> or false.</remarks>
public static class DecisionJsonReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    // Reads the decision from the reader, which is on the opening brace of the top-level object.
    private delegate Decision? BodyReader(ref Utf8JsonReader reader, BytePositions positions, List<Diagnostic> diagnostics);

    /// <summary>Reads one decision.</summary>
    /// <param name="source">The JSON text and its file name.</param>
    /// <returns>The decision as sent, or the diagnostics that explain why it could not be read.</returns>
    public static Result<Decision> Read(SourceText source) =>
        Parse(source, "顶层应为一个 JSON 对象 { … }。", (ref Utf8JsonReader reader, BytePositions positions, List<Diagnostic> diagnostics) =>
            ReadDecision(ref reader, positions, diagnostics));

    /// <summary>Reads a decision that is one member of a larger request, such as <c>{"decision": {…}, "materials": […]}</c>,
    /// keeping positions in the whole request.</summary>
    /// <param name="source">The request's JSON text.</param>
    /// <param name="property">The member that holds the decision.</param>
    /// <returns>The decision, or the diagnostics that explain why it could not be read.</returns>
    public static Result<Decision> ReadMember(SourceText source, string property) =>
        Parse(source, "请求体应为一个 JSON 对象 { … }。", (ref Utf8JsonReader reader, BytePositions positions, List<Diagnostic> diagnostics) =>
        {
            Decision? decision = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                var nameSpan = positions.Span(reader.TokenStartIndex, reader.BytesConsumed);
                reader.Read();
                if (name == property && decision is not null)
                {
                    diagnostics.Add(Twice(nameSpan, property));
                    reader.Skip();
                }
                else if (name == property && reader.TokenType == JsonTokenType.StartObject)
                {
                    decision = ReadDecision(ref reader, positions, diagnostics);
                }
                else
                {
                    reader.Skip();
                }
            }

            return decision;
        },
        $"请求体缺少“{property}”对象（决定）。");

    // The parts every read shares: the top-level object, nothing after it, and JSON that is no text reported
    // with its place instead of thrown.
    private static Result<Decision> Parse(SourceText source, string notAnObject, BodyReader body, string? missing = null)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        var positions = new BytePositions(source, bytes.Length);
        var reader = new Utf8JsonReader(bytes, Options);
        var diagnostics = new List<Diagnostic>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                diagnostics.Add(EngineDiagnostics.MalformedDecision(positions.SpanAt(0, 1), notAnObject));
                return Result<Decision>.Failure(diagnostics);
            }

            var decision = body(ref reader, positions, diagnostics);

            // Anything but whitespace after the decision makes the reader throw, reported below.
            reader.Read();
            if (decision is null)
            {
                diagnostics.Add(EngineDiagnostics.MalformedDecision(positions.SpanAt(0, 1), missing!));
            }

            return diagnostics.Count == 0 ? Result<Decision>.Success(decision!) : Result<Decision>.Failure(diagnostics);
        }
        catch (JsonException exception)
        {
            diagnostics.Add(JsonSyntax(exception, source, positions));
            return Result<Decision>.Failure(diagnostics);
        }
        catch (InvalidOperationException)
        {
            // Well-formed JSON whose string holds an escape that is no text: a lone UTF-16 surrogate such as \uD800.
            diagnostics.Add(EngineDiagnostics.MalformedDecision(
                positions.Span(reader.TokenStartIndex, reader.BytesConsumed), "字符串中有不成对的 Unicode 代理项转义（如单独的 \\uD800），不是有效的文字，请改正。"));
            return Result<Decision>.Failure(diagnostics);
        }
    }

    // A number a decimal holds only approximately: one so small it became 0 (1e-400), or with more significant digits than
    // a decimal's 28 (rounded). Either would be a different amount from the one sent, taken without a word.
    private static string? Inexact(string text, decimal parsed)
    {
        var mantissa = text.Split('e', 'E')[0];
        var digits = mantissa.Where(char.IsAsciiDigit).SkipWhile(d => d == '0').ToList();
        var significant = digits.Count - digits.AsEnumerable().Reverse().TakeWhile(d => d == '0').Count();
        if (parsed == 0 && significant > 0)
        {
            return "太小，按十进制记下会变成 0。请检查单位和小数位数。";
        }

        return significant > 28 ? $"有 {significant} 位有效数字，超出可精确保存的 28 位。" : null;
    }

    // A key written twice means two things at once: refused, rather than the last one silently taken.
    private static Diagnostic Twice(SourceSpan at, string name) =>
        EngineDiagnostics.MalformedDecision(at, $"字段“{name}”写了两次，请只保留一个。");

    private static Diagnostic JsonSyntax(JsonException exception, SourceText source, BytePositions positions)
    {
        var line = (int)(exception.LineNumber ?? 0) + 1;
        var offset = positions.CharOffsetInLine(source.GetLineStart(line), (int)(exception.BytePositionInLine ?? 0));
        return EngineDiagnostics.MalformedDecision(source.GetSpan(new TextSpan(offset, 1)), "不是有效的 JSON（请检查引号、逗号和括号是否配对）。");
    }

    private static Decision ReadDecision(ref Utf8JsonReader reader, BytePositions positions, List<Diagnostic> diagnostics)
    {
        var start = (int)reader.TokenStartIndex;
        DecisionField? caseId = null, department = null, action = null, procedure = null, proposedOn = null, party = null, filedOn = null, cause = null;
        var facts = new List<FactInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var nameSpan = positions.Span(reader.TokenStartIndex, reader.BytesConsumed);
            reader.Read();
            if (!seen.Add(name))
            {
                diagnostics.Add(Twice(nameSpan, name));
                reader.Skip();
                continue;
            }

            switch (name)
            {
                case "caseId":
                    caseId = ReadField(ref reader, positions, diagnostics, name);
                    break;
                case "department":
                    department = ReadField(ref reader, positions, diagnostics, name);
                    break;
                case "action":
                    action = ReadField(ref reader, positions, diagnostics, name);
                    break;
                case "procedure":
                    procedure = ReadField(ref reader, positions, diagnostics, name);
                    break;
                case "proposedOn":
                    proposedOn = ReadField(ref reader, positions, diagnostics, name);
                    break;
                case "filedOn":
                    filedOn = ReadField(ref reader, positions, diagnostics, name);
                    break;
                case "party":
                    party = ReadField(ref reader, positions, diagnostics, name);
                    break;
                case "cause":
                    cause = ReadField(ref reader, positions, diagnostics, name);
                    break;
                case "facts":
                    ReadFacts(ref reader, positions, diagnostics, facts);
                    break;
                default:
                    diagnostics.Add(EngineDiagnostics.MalformedDecision(nameSpan, $"未知字段“{name}”。决定的字段为 caseId、department、action、procedure、proposedOn、filedOn、party、cause、facts。"));
                    reader.Skip();
                    break;
            }
        }

        return new Decision(caseId, department, action, procedure, proposedOn, facts, positions.Span(start, reader.BytesConsumed), party, filedOn, cause);
    }

    private static DecisionField? ReadField(ref Utf8JsonReader reader, BytePositions positions, List<Diagnostic> diagnostics, string name)
    {
        var span = positions.Span(reader.TokenStartIndex, reader.BytesConsumed);
        if (reader.TokenType != JsonTokenType.String)
        {
            diagnostics.Add(EngineDiagnostics.MalformedDecision(span, $"字段“{name}”应为文字（带引号）。"));
            reader.Skip();
            return null;
        }

        return new DecisionField(reader.GetString()!, span);
    }

    private static void ReadFacts(ref Utf8JsonReader reader, BytePositions positions, List<Diagnostic> diagnostics, List<FactInput> facts)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            diagnostics.Add(EngineDiagnostics.MalformedDecision(positions.Span(reader.TokenStartIndex, reader.TokenStartIndex + 1), "字段“facts”应为对象：{ \"事实\": 值, … }。"));
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var nameSpan = positions.Span(reader.TokenStartIndex, reader.BytesConsumed);
            reader.Read();
            if (ReadValue(ref reader, positions, diagnostics) is { } value)
            {
                facts.Add(new FactInput(name, nameSpan, value));
            }
        }
    }

    private static RawValue? ReadValue(ref Utf8JsonReader reader, BytePositions positions, List<Diagnostic> diagnostics)
    {
        var start = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new RawText(reader.GetString()!, positions.Span(start, reader.BytesConsumed));
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(reader.ValueSpan);
                var span = positions.Span(start, reader.BytesConsumed);
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    diagnostics.Add(EngineDiagnostics.NumberOutOfRange(span, text, "超出范围。"));
                    return null;
                }

                if (Inexact(text, number) is { } inexact)
                {
                    diagnostics.Add(EngineDiagnostics.NumberOutOfRange(span, text, inexact));
                    return null;
                }

                return new RawNumber(number, text, span);
            case JsonTokenType.True or JsonTokenType.False:
                return new RawBoolean(reader.TokenType == JsonTokenType.True, positions.Span(start, reader.BytesConsumed));
            case JsonTokenType.Null:
                return new RawNull(positions.Span(start, reader.BytesConsumed));
            case JsonTokenType.StartArray:
                var items = new List<RawValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (ReadValue(ref reader, positions, diagnostics) is { } item)
                    {
                        items.Add(item);
                    }
                }

                return new RawList(items, positions.Span(start, reader.BytesConsumed));
            default:
                return ReadJudgement(ref reader, positions, diagnostics);
        }
    }

    private static RawJudgement? ReadJudgement(ref Utf8JsonReader reader, BytePositions positions, List<Diagnostic> diagnostics)
    {
        var start = reader.TokenStartIndex;
        var raised = true;
        string? raisedBy = null, reason = null;
        var ok = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var nameSpan = positions.Span(reader.TokenStartIndex, reader.BytesConsumed);
            reader.Read();
            if (!seen.Add(name))
            {
                diagnostics.Add(Twice(nameSpan, name));
                reader.Skip();
                ok = false;
                continue;
            }

            switch (name)
            {
                case "raised" when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                    raised = reader.GetBoolean();
                    break;
                case "raisedBy" when reader.TokenType == JsonTokenType.String:
                    raisedBy = reader.GetString();
                    break;
                case "reason" when reader.TokenType == JsonTokenType.String:
                    reason = reader.GetString();
                    break;
                default:
                    diagnostics.Add(EngineDiagnostics.MalformedDecision(nameSpan, $"判断标记中的字段“{name}”无效。判断标记的字段为 raised（true/false）、raisedBy（认定人）、reason（理由）。"));
                    reader.Skip();
                    ok = false;
                    break;
            }
        }

        return ok ? new RawJudgement(raised, raisedBy, reason, positions.Span(start, reader.BytesConsumed)) : null;
    }

    // Converts the UTF-8 byte offsets the JSON reader reports into positions in the text.
    private sealed class BytePositions
    {
        private readonly SourceText _source;
        private readonly int[] _charOfByte;

        public BytePositions(SourceText source, int byteCount)
        {
            _source = source;
            _charOfByte = new int[byteCount + 1];

            // UTF-8 widths worked out here, cheaper than asking the encoder one character at a time: a surrogate
            // pair is 4 bytes, a lone surrogate is encoded as U+FFFD (3 bytes), as Encoding.UTF8.GetBytes does.
            var text = source.Text;
            var b = 0;
            for (var c = 0; c < text.Length; c++)
            {
                var ch = text[c];
                var pair = char.IsHighSurrogate(ch) && c + 1 < text.Length && char.IsLowSurrogate(text[c + 1]);
                var width = ch < 0x80 ? 1 : ch < 0x800 ? 2 : pair ? 4 : 3;
                for (var k = 0; k < width && b < byteCount; k++)
                {
                    _charOfByte[b++] = c;
                }

                if (pair)
                {
                    c++;
                }
            }

            _charOfByte[byteCount] = source.Text.Length;
        }

        public SourceSpan Span(long startByte, long endByte)
        {
            var start = _charOfByte[Math.Clamp((int)startByte, 0, _charOfByte.Length - 1)];
            var end = _charOfByte[Math.Clamp((int)endByte, 0, _charOfByte.Length - 1)];
            return _source.GetSpan(TextSpan.FromBounds(start, Math.Max(end, start + 1)));
        }

        public SourceSpan SpanAt(int charOffset, int length) => _source.GetSpan(new TextSpan(charOffset, length));

        // The same byte-to-character map, from the line's first byte (error path only, so a search is fine).
        public int CharOffsetInLine(int lineStartChar, int bytesIntoLine)
        {
            var lineStartByte = Math.Max(0, Array.IndexOf(_charOfByte, lineStartChar));
            var offset = _charOfByte[Math.Min(lineStartByte + bytesIntoLine, _charOfByte.Length - 1)];
            return Math.Min(offset, Math.Max(0, _source.Text.Length - 1));
        }
    }
}
