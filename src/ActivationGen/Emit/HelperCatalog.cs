using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ActivationGen.Model;

namespace ActivationGen.Emit;

/// <summary>
/// The helpers a generated method may call, read from the files of src/ActivationGen.Runtime/Helpers that this assembly
/// embeds (one helper per file, each a part of <c>ActivationGen.Generated.ActivationHelpers</c>). A file is: a header
/// comment naming the helper and giving its lane types, maximum error, valid range and the helpers it requires; its
/// <c>using</c> directives; the namespace; and the class part, whose members are written for Vector128, with the parts
/// between <c>//#PerWidth</c> and <c>//#EndPerWidth</c> repeated here for Vector256 and Vector512.
/// </summary>
internal static class HelperCatalog
{
    public const string Namespace = "ActivationGen.Generated";
    public const string ClassName = "ActivationHelpers";

    /// <summary>The header fields every helper file has, after its first line ("// Name: what it is").</summary>
    public static readonly string[] HeaderFields = { "Lanes", "Max error", "Valid range", "Requires" };

    private const string ResourcePrefix = "ActivationGen.Helpers.";
    private const string BeginWidths = "//#PerWidth";
    private const string EndWidths = "//#EndPerWidth";
    private const string ClassLine = "internal static partial class " + ClassName;

    private static readonly Regex Declaration = new(
        @"^    (?:(?:public|private|internal|static|abstract|virtual|const|readonly)\s+)+[\w<>\[\], ]+?\s(?<name>\w+)\s*(?:<[^>]*>)?\s*(?:\(|=|;|$)",
        RegexOptions.CultureInvariant);

    private static readonly Regex Reference = new(@"\b" + ClassName + @"\.(?<name>[A-Za-z_]\w*)", RegexOptions.CultureInvariant);

    private static readonly Lazy<IReadOnlyDictionary<string, Helper>> Helpers = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Owners = new(() => Helpers.Value.Values
        .SelectMany(h => h.Declares.Select(name => (name, h.Name)))
        .GroupBy(p => p.name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Name).Distinct().Single(), StringComparer.Ordinal));

    /// <summary>Every helper by name.</summary>
    public static IReadOnlyDictionary<string, Helper> All => Helpers.Value;

    /// <summary>
    /// The helpers that generated code calls: every <c>ActivationHelpers.Name</c> in <paramref name="code"/> names the helper
    /// that declares Name (names no helper declares are not ActivationGen's and are skipped).
    /// </summary>
    public static IEnumerable<string> ReferencedBy(string code) =>
        Reference.Matches(code).Cast<Match>()
            .Select(m => Owners.Value.TryGetValue(m.Groups["name"].Value, out var owner) ? owner : null)
            .Where(owner => owner is not null)
            .Select(owner => owner!)
            .Distinct(StringComparer.Ordinal);

    /// <summary>The helpers <paramref name="names"/> with everything they require, sorted by name.</summary>
    public static EquatableArray<string> WithRequirements(IEnumerable<string> names)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(names);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (all.Add(name))
            {
                foreach (var required in All[name].Requires)
                {
                    pending.Push(required);
                }
            }
        }

        return all.ToEquatableArray();
    }

    private static Dictionary<string, Helper> Load()
    {
        var assembly = typeof(HelperCatalog).Assembly;
        var helpers = new Dictionary<string, Helper>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(r => r, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = resource.Substring(ResourcePrefix.Length, resource.Length - ResourcePrefix.Length - ".cs".Length);
            helpers.Add(name, Parse(name, reader.ReadToEnd()));
        }

        return helpers;
    }

    /// <summary>Reads one helper file; throws where it does not have the layout the catalog expects.</summary>
    public static Helper Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var header = lines.TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).ToList();
        if (header.Count == 0 || !header[0].StartsWith("// " + name + ": ", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Helper {name}: the file must start with the comment '// {name}: <what it is>'.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? field = null;
        foreach (var line in header)
        {
            var match = Regex.Match(line, @"^// (?<field>[A-Z][a-z]+(?: [a-z]+)?):\s+(?<value>.*)$");
            if (match.Success && HeaderFields.Contains(match.Groups["field"].Value))
            {
                field = match.Groups["field"].Value;
                fields[field] = match.Groups["value"].Value.Trim();
            }
            else if (field is not null && line.StartsWith("//  ", StringComparison.Ordinal))
            {
                fields[field] += " " + line.Substring(2).Trim();
            }
        }

        foreach (var required in HeaderFields.Where(f => !fields.ContainsKey(f) || fields[f].Length == 0))
        {
            throw new InvalidDataException($"Helper {name}: the header has no '// {required}:' line.");
        }

        var requires = fields["Requires"] == "none"
            ? Array.Empty<string>()
            : fields["Requires"].Split(',').Select(r => r.Trim()).ToArray();
        var usings = lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).Select(l => l.Substring("using ".Length).TrimEnd(';')).ToArray();
        var classLine = Array.IndexOf(lines, ClassLine);
        var close = Array.LastIndexOf(lines, "}");
        if (!lines.Contains("namespace " + Namespace + ";") || classLine < 0 || lines[classLine + 1] != "{" || close < classLine)
        {
            throw new InvalidDataException($"Helper {name}: expected 'namespace {Namespace};' and '{ClassLine}' with its brace on the next line.");
        }

        var members = lines.Skip(classLine + 2).Take(close - classLine - 2).ToList();
        var declares = members.Select(l => Declaration.Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToArray();
        return new Helper(name, header, requires, usings, RenderWidths(name, members), declares);
    }

    /// <summary>The members with each per-width part repeated for 256 and 512 bits, a blank line between the repetitions.</summary>
    private static string RenderWidths(string name, List<string> members)
    {
        var text = new StringBuilder();
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Trim() != BeginWidths)
            {
                text.Append(members[i]).Append('\n');
                continue;
            }

            var end = members.FindIndex(i, m => m.Trim() == EndWidths);
            if (end < 0)
            {
                throw new InvalidDataException($"Helper {name}: {BeginWidths} without {EndWidths}.");
            }

            var body = string.Join("\n", members.Skip(i + 1).Take(end - i - 1)).Trim('\n');
            if (text.Length > 1 && !(text[text.Length - 1] == '\n' && text[text.Length - 2] == '\n'))
            {
                text.Append('\n');
            }

            text.Append(body).Append("\n\n").Append(Widths.Render(body, 256)).Append("\n\n").Append(Widths.Render(body, 512)).Append('\n');
            i = end;
        }

        return text.ToString().TrimEnd('\n');
    }
}

/// <summary>One helper: its header comment lines, the helpers it requires, its namespaces, its members at every width.</summary>
internal sealed record Helper(string Name, IReadOnlyList<string> Header, IReadOnlyList<string> Requires, IReadOnlyList<string> Usings, string Members, IReadOnlyList<string> Declares);
