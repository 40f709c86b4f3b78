using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>One committed mpmath table (Reference/*.csv): the attribute it is for, and exact f and f' at many x.</summary>
public sealed class ReferenceTable
{
    private ReferenceTable(string name, string attribute, bool isSingle, IReadOnlyList<Row> rows)
    {
        Name = name;
        Attribute = attribute;
        IsSingle = isSingle;
        Rows = rows;
    }

    public string Name { get; }

    /// <summary>
    /// The attribute without brackets, e.g. <c>Sigmoid(Offset = 2)</c>; for a table of an [Activation] definition
    /// (Reference/Custom), the definition's expression, e.g. <c>Math.Log(1 + Math.Exp(x))</c>.
    /// </summary>
    public string Attribute { get; }

    public bool IsSingle { get; }

    public IReadOnlyList<Row> Rows { get; }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Reference");

    /// <summary>The tables of f and f' for one element type (the <c>fromoutput_</c> tables are read by FromOutputTests).</summary>
    public static IEnumerable<string> Names(string type) =>
        Directory.GetFiles(Folder, "*_" + type + ".csv").Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.StartsWith(FromOutputPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)!;

    /// <summary>The prefix of the tables of g(y) = f'(x) through the forward result y = f(x).</summary>
    public const string FromOutputPrefix = "fromoutput_";

    /// <summary>A table of values computed elsewhere (by a reference written in the test).</summary>
    public static ReferenceTable Create(string name, string attribute, bool isSingle, IReadOnlyList<Row> rows) =>
        new(name, attribute, isSingle, rows);

    /// <param name="name">The file name without <c>.csv</c>, relative to <see cref="Folder"/>.</param>
    public static ReferenceTable Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name + ".csv"));
        const string prefix = "# attribute: [";
        const string definitionPrefix = "# definition: ";
        var isDefinition = lines[0].StartsWith(definitionPrefix, StringComparison.Ordinal);
        if (!(isDefinition || lines[0].StartsWith(prefix, StringComparison.Ordinal)) || lines[1] != "x,f,df")
        {
            throw new InvalidDataException(name + ": unexpected header");
        }

        var attribute = isDefinition ? lines[0][definitionPrefix.Length..] : lines[0][prefix.Length..^1];
        var rows = lines.Skip(2).Select(line =>
        {
            var parts = line.Split(',');
            return new Row(parts[0], parts[1], parts[2]);
        }).ToList();
        return new ReferenceTable(Path.GetFileName(name), attribute, name.EndsWith("_float", StringComparison.Ordinal), rows);
    }

    /// <summary>x, f(x) and f'(x) as decimal strings (f and f' exact to 30 digits).</summary>
    public sealed record Row(string X, string F, string D)
    {
        public static T Parse<T>(string text)
            where T : IParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);
    }
}
