using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text.RegularExpressions;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// Every double parameter of every attribute at extreme finite values (±1e-45, ±1e-39, ±3.5e38, ±1e308, ±5e-324, 0, -0,
/// the finite ends of the accepted ranges and a value just outside each), in float and in double: either the generated
/// code compiles with no diagnostic, f and f' are within the contract (4 ULP; SigmoidSum in double 8) of an independent
/// reference over inputs that cover where the parameter matters, every shape gives the scalar method's bits, NaN gives
/// NaN and — where the attribute supports it — g(y) from the output is within 4 ULP; or every method with the value gets
/// AGEN0013 at the argument, naming an accepted range that excludes the value and includes every value that was served.
/// References: for float, <see cref="DoubleReference"/> (SigmoidSum: mpmath tables, its offsets being exact rationals a
/// double reference would round); for double, the mpmath tables in Reference/ParameterRanges (make_reference.py).
/// </summary>
[Trait("Category", "Execution")]
public class ParameterRangeTests(ITestOutputHelper output)
{
    private const string Max = "1.7976931348623157e+308";

    private static readonly string[] Extremes = { "1e-45", "-1e-45", "1e-39", "-1e-39", "3.5e+38", "-3.5e+38", "1e+308", "-1e+308", "5e-324", "-5e-324", "0", "-0.0" };

    /// <param name="Others">The other arguments, chosen so that the attribute stays valid (From ≤ To, Min &lt; Max) for every value.</param>
    /// <param name="Ends">The finite ends of the accepted range the README lists (served).</param>
    /// <param name="Outside">The values just outside those ends (rejected).</param>
    private sealed record Parameter(string Attribute, string Name, string Others = "", string[]? Ends = null, string[]? Outside = null);

    private static readonly Parameter[] Parameters =
    {
        new("Sigmoid", "Offset"),
        new("SigmoidSum", "From", "To = " + Max),
        new("SigmoidSum", "To", "From = -" + Max),
        new("SigmoidSum", "Scale", Ends: new[] { "1e+200", "-1e+200" }, Outside: new[] { "1.1e+200", "-1.1e+200" }),
        new("Elu", "Alpha", Ends: new[] { "1e+280", "-1e+280" }, Outside: new[] { "1.1e+280", "-1.1e+280" }),
        new("LeakyRelu", "NegativeSlope"),
        new("Celu", "Alpha", Ends: new[] { "2.2250738585072014e-308", "-2.2250738585072014e-308" }, Outside: new[] { "2.225073858507201e-308", "-2.225073858507201e-308" }),
        new("Silu", "Beta", Ends: new[] { "1e-148", "-1e-148" }, Outside: new[] { "9.99e-149", "-9.99e-149" }),
        new("Softplus", "Beta", Ends: new[] { "1e-148", "-1e-148" }, Outside: new[] { "9.99e-149", "-9.99e-149" }),
        new("HardTanh", "Min", "Max = " + Max),
        new("HardTanh", "Max", "Min = -" + Max),
    };

    /// <summary>The parameters' defaults (API.md), for the ones a case does not write (SigmoidSum reads tables only).</summary>
    private static readonly Dictionary<string, Dictionary<string, double>> Defaults = new()
    {
        ["Sigmoid"] = new() { ["Offset"] = 0 },
        ["Elu"] = new() { ["Alpha"] = 1 },
        ["LeakyRelu"] = new() { ["NegativeSlope"] = 0.01 },
        ["Celu"] = new() { ["Alpha"] = 1 },
        ["Silu"] = new() { ["Beta"] = 1 },
        ["Softplus"] = new() { ["Beta"] = 1 },
        ["HardTanh"] = new() { ["Min"] = -1, ["Max"] = 1 },
    };

    private sealed record Case(Parameter Parameter, string Value)
    {
        public string Attribute => Parameter.Attribute;

        public string Text => $"{Attribute}({Parameter.Name} = {Value}{(Parameter.Others.Length > 0 ? ", " + Parameter.Others : string.Empty)})";

        public string FromOutputText => Text[..^1] + ", FromOutput = true)";

        public double Number => Parse(Value);

        /// <summary>Celu Alpha = 0 and Softplus Beta = 0 are rejected by their own rule ("give it a nonzero value").</summary>
        public bool DividesByZero => Number == 0 && Parameter is { Attribute: "Celu" or "Softplus" };

        /// <summary>Where API-CATALOG.md supports FromOutput and the parameter changes g (not Sigmoid: g = y(1 - y)).</summary>
        public bool HasFromOutput => Attribute switch
        {
            "Elu" or "Celu" => Number >= 0 && !DividesByZero,
            "LeakyRelu" => Number > 0,
            "Softplus" => !DividesByZero,
            "HardTanh" => true,
            _ => false,
        };

        public Dictionary<string, double> Values()
        {
            var values = new Dictionary<string, double>(Defaults[Attribute]);
            foreach (var argument in Text[(Attribute.Length + 1)..^1].Split(", "))
            {
                var parts = argument.Split(" = ");
                values[parts[0]] = Parse(parts[1]);
            }

            return values;
        }
    }

    private static readonly Case[] Cases = Parameters
        .SelectMany(p => Extremes.Concat(p.Ends ?? Array.Empty<string>()).Concat(p.Outside ?? Array.Empty<string>()).Select(v => new Case(p, v)))
        .ToArray();

    private static readonly Lazy<Batch> SingleBatch = new(() => new Batch("float"));

    private static readonly Lazy<Batch> DoubleBatch = new(() => new Batch("double"));

    /// <summary>The mpmath tables of Reference/ParameterRanges by the attribute on their first line.</summary>
    private static readonly Lazy<Dictionary<string, string>> Tables = new(() =>
        Directory.GetFiles(Path.Combine(ReferenceTable.Folder, "ParameterRanges"), "*.csv")
            .ToDictionary(f => File.ReadLines(f).First()["# attribute: [".Length..^1] + (f.EndsWith("_float.csv", StringComparison.Ordinal) ? " float" : " double"), f => "ParameterRanges/" + Path.GetFileNameWithoutExtension(f)));

    public static TheoryData<string, string> CaseData
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var type in new[] { "float", "double" })
            {
                foreach (var c in Cases)
                {
                    data.Add(type, c.Text);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CaseData))]
    public void Is_served_within_contract_or_rejected_naming_its_range(string type, string attribute)
    {
        var batch = type == "float" ? SingleBatch.Value : DoubleBatch.Value;
        var index = Array.FindIndex(Cases, c => c.Text == attribute);
        var diagnostics = batch.DiagnosticsOf(index);
        if (diagnostics.Count > 0)
        {
            AssertRejected(batch, index, diagnostics);
            return;
        }

        var problems = batch.ProblemsOf(index);
        Assert.True(problems.Count == 0, $"[{attribute}] ({type}): the generated code does not compile cleanly:\n" + string.Join("\n", problems.Take(5)));
        Assert.True(batch.Assembly is not null, "The generated code of other cases does not compile:\n" + string.Join("\n", batch.Problems.Take(5)));
        if (type == "float")
        {
            CheckServed<float>(batch, index, Ulp.Error);
        }
        else
        {
            CheckServed<double>(batch, index, Ulp.Error);
        }
    }

    /// <summary>Every method with the value gets AGEN0013 at the argument; the message names a range without the value.</summary>
    private static void AssertRejected(Batch batch, int index, IReadOnlyList<Diagnostic> diagnostics)
    {
        var c = Cases[index];
        var argument = $"{c.Parameter.Name} = {c.Value}";
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("AGEN0013", d.Id);
            Assert.Equal(argument, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        });
        Assert.Equal(batch.MethodCount(index), diagnostics.Count);

        var message = diagnostics[0].GetMessage(CultureInfo.InvariantCulture);
        if (c.DividesByZero)
        {
            Assert.StartsWith($"'{c.Parameter.Name}' is 0: ", message);
            Assert.Contains("nonzero", message);
            return;
        }

        Assert.StartsWith($"'{c.Parameter.Name}' is {Format(c.Number)}: ", message);

        var range = AcceptedRange.Parse(c.Parameter.Name, message);
        Assert.False(range.Accepts(c.Number), $"'{message}' names a range that includes the rejected value");

        // The same range for every rejected value of the parameter, and every served value inside it.
        for (var other = 0; other < Cases.Length; other++)
        {
            if (Cases[other].Parameter != c.Parameter || Cases[other].DividesByZero)
            {
                continue;
            }

            var otherDiagnostics = batch.DiagnosticsOf(other);
            if (otherDiagnostics.Count == 0)
            {
                Assert.True(range.Accepts(Cases[other].Number), $"[{Cases[other].Text}] is served, but '{message}' excludes it");
            }
            else
            {
                Assert.Equal(range, AcceptedRange.Parse(c.Parameter.Name, otherDiagnostics[0].GetMessage(CultureInfo.InvariantCulture)));
            }
        }
    }

    private void CheckServed<T>(Batch batch, int index, Func<T, string, double> error)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = Cases[index];
        var kernels = batch.Kernels<T>(index);
        var isSingle = typeof(T) == typeof(float);
        var table = isSingle && c.Attribute != "SigmoidSum" ? SingleReference(c) : ReferenceTable.Load(TableName(c.Text, isSingle));
        AccuracyTests.Check(output, kernels, table, !isSingle && c.Attribute == "SigmoidSum" ? 8 : 4, error);

        Assert.True(T.IsNaN(kernels.F(T.NaN)) && T.IsNaN(kernels.D(T.NaN)), $"[{c.Text}]: NaN does not give NaN");

        if (c.HasFromOutput)
        {
            var rows = isSingle ? SingleFromOutputRows(c, table) : FromOutputRows(TableName(c.FromOutputText, isSingle: false));
            FromOutputTests.Check(output, c.FromOutputText, c.FromOutputText, batch.FromOutput<T>(index), rows, error);
        }
    }

    private static string TableName(string attribute, bool isSingle) =>
        Tables.Value.TryGetValue(attribute + (isSingle ? " float" : " double"), out var name)
            ? name
            : throw new InvalidOperationException($"No table for [{attribute}] in Reference/ParameterRanges: run make_reference.py");

    private static (string Y, string G)[] FromOutputRows(string name) =>
        File.ReadLines(Path.Combine(ReferenceTable.Folder, name + ".csv")).Skip(2).Select(l => l.Split(',')).Select(p => (p[0], p[1])).ToArray();

    /// <summary>f and f' from <see cref="DoubleReference"/> at <see cref="SingleInputs"/>.</summary>
    private static ReferenceTable SingleReference(Case c)
    {
        var values = c.Values();
        var rows = SingleInputs(c).Select(x =>
        {
            var (f, d) = DoubleReference.Evaluate(c.Attribute, values, x);
            return new ReferenceTable.Row(Format(x), Format(f), Format(d));
        }).ToList();
        return ReferenceTable.Create(c.Text + " (double reference)", c.Text, isSingle: true, rows);
    }

    /// <summary>The forward results of the inputs (rounded to float) and, for Elu and Celu, the floats next to f(-∞) = -Alpha.</summary>
    private static (string Y, string G)[] SingleFromOutputRows(Case c, ReferenceTable forward)
    {
        var values = c.Values();
        var ys = forward.Rows.Select(r => ReferenceTable.Row.Parse<float>(r.F)).ToList();
        if (c.Attribute is "Elu" or "Celu" && float.IsFinite((float)-values["Alpha"]))
        {
            ys.AddRange(Neighbours((float)-values["Alpha"], 20).Where(y => y < 0 && y >= (float)-values["Alpha"]).Select(y => (float)y));
        }

        return Distinct(ys.Select(y => (double)y)).Select(y => ((float)y).ToString("R", CultureInfo.InvariantCulture))
            .Select(y => (y, Format(DoubleReference.FromOutput(c.Attribute, values, float.Parse(y, CultureInfo.InvariantCulture))))).ToArray();
    }

    /// <summary>
    /// Floats that cover where the parameter matters: log-spaced magnitudes from the smallest subnormal to the largest
    /// float, a grid over [-40, 40], the underflow bands, ±0, ±∞, and around the parameter: x - Offset (or - Min, - Max)
    /// over [-60, 60]; Beta·x (x/Alpha for Celu) over [-800, 800] and [-4, 4], and the floats nearest the zero of the
    /// SiLU derivative; where Alpha·e^x (Elu) or NegativeSlope·x crosses the smallest normal float and the largest float.
    /// </summary>
    private static IEnumerable<double> SingleInputs(Case c)
    {
        var p = c.Values();
        var raw = new List<double> { 0, Ulp.SingleMinNormal, float.Epsilon, float.MaxValue, double.PositiveInfinity };
        raw.AddRange(Enumerable.Range(0, 80).Select(i => Math.Pow(10, -44.85 + (38.53 + 44.85) * i / 80)));
        raw.AddRange(Linspace(-40, 40, 81));
        raw.AddRange(Linspace(80, 110, 15));
        raw.AddRange(raw.Select(v => -v).ToList());
        var translations = c.Attribute switch
        {
            "Sigmoid" => new[] { p["Offset"] },
            "HardTanh" => new[] { p["Min"], p["Max"] },
            _ => Array.Empty<double>(),
        };
        foreach (var t in translations.Where(t => Math.Abs(t) <= float.MaxValue))
        {
            raw.AddRange(Linspace(-60, 60, 121).Select(d => t + d));
            raw.AddRange(Neighbours((float)t, 5));
        }

        var scale = c.Attribute switch
        {
            "Silu" or "Softplus" => p["Beta"],
            "Celu" => 1 / p["Alpha"],
            _ => 0,
        };
        if (scale != 0)
        {
            raw.AddRange(Linspace(-800, 800, 161).Concat(Linspace(-4, 4, 41)).Select(z => z / scale));
        }

        if (c.Attribute == "Silu" && p["Beta"] != 0 && float.IsFinite((float)(SiluRoot / p["Beta"])))
        {
            raw.AddRange(Neighbours((float)(SiluRoot / p["Beta"]), 5));
        }

        if (c.Attribute == "Elu" && p["Alpha"] != 0)
        {
            raw.AddRange(Linspace(-20, 20, 41).Select(d => Math.Log(Ulp.SingleMinNormal / Math.Abs(p["Alpha"])) + d));
        }

        if (c.Attribute == "LeakyRelu" && p["NegativeSlope"] != 0)
        {
            var s = Math.Abs(p["NegativeSlope"]);
            raw.AddRange(new double[] { Ulp.SingleMinNormal, 1, float.MaxValue }.SelectMany(v => new[] { 1 - Math.Pow(2, -20), 1, 1 + Math.Pow(2, -20) }.Select(e => -v / s * e)));
        }

        var random = new Random(c.Text.Length);
        raw.AddRange(Enumerable.Range(0, 40).Select(_ => (double)BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue))).Where(double.IsFinite));
        return Distinct(raw.Select(v => (double)(float)v).Where(v => !double.IsNaN(v)));
    }

    /// <summary>z₀ with 1 + z₀ + e^z₀ = 0, where the SiLU derivative changes sign.</summary>
    private const double SiluRoot = -1.2784645427610737951;

    private static IEnumerable<double> Linspace(double a, double b, int n) => Enumerable.Range(0, n).Select(i => a + (b - a) * i / (n - 1));

    private static IEnumerable<double> Neighbours(float v, int count)
    {
        var (below, above) = (v, v);
        yield return v;
        for (var i = 0; i < count; i++)
        {
            below = MathF.BitDecrement(below);
            above = MathF.BitIncrement(above);
            yield return below;
            yield return above;
        }
    }

    /// <summary>Distinct values (-0 and 0 apart), ascending.</summary>
    private static IEnumerable<double> Distinct(IEnumerable<double> values) =>
        values.DistinctBy(BitConverter.DoubleToInt64Bits).OrderBy(v => v).ThenBy(v => double.IsNegative(v) ? 0 : 1);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>
    /// The range an AGEN0013 message names, "… accepts [Name = 0 or ][low ≤ ]|Name|[ ≤ high] …" (&lt; for an open end).
    /// </summary>
    private sealed record AcceptedRange(bool Zero, double Low, bool LowOpen, double High, bool HighOpen)
    {
        public static AcceptedRange Parse(string name, string message)
        {
            var n = Regex.Escape(name);
            var match = Regex.Match(message, $@"accepts (?<zero>{n} = 0 or )?(?:(?<low>[-+.\dE]+) (?<lowOp>≤|<) )?\|{n}\|(?: (?<highOp>≤|<) (?<high>[-+.\dE]+))?");
            Assert.True(match.Success, $"'{message}' names no range of |{name}|");
            return new AcceptedRange(
                match.Groups["zero"].Success,
                match.Groups["low"].Success ? ParameterRangeTests.Parse(match.Groups["low"].Value) : 0,
                match.Groups["lowOp"].Value == "<",
                match.Groups["high"].Success ? ParameterRangeTests.Parse(match.Groups["high"].Value) : double.MaxValue,
                match.Groups["highOp"].Value == "<");
        }

        public bool Accepts(double value)
        {
            var m = Math.Abs(value);
            return value == 0 ? Zero || (Low == 0 && !LowOpen) : (LowOpen ? m > Low : m >= Low) && (HighOpen ? m < High : m <= High);
        }
    }

    /// <summary>
    /// Every case in one compilation (a class per case, and one for the backward-from-output method where supported):
    /// ActivationGen's diagnostics, and the generated code of every case, compiled and loaded.
    /// </summary>
    private sealed class Batch
    {
        private readonly List<Diagnostic> _diagnostics;

        public Batch(string type)
        {
            var trees = new List<SyntaxTree>();
            for (var i = 0; i < Cases.Length; i++)
            {
                trees.Add(CSharpSyntaxTree.ParseText(KernelSets.Source(Cases[i].Text, type, ClassName(i)), GeneratorHarness.ParseOptions, path: ClassName(i) + ".cs"));
                if (Cases[i].HasFromOutput)
                {
                    var source = $$"""
                        using System;
                        using ActivationGen;

                        namespace Generated.Tests;

                        public static partial class {{ClassName(i)}}FromOutput
                        {
                            [{{Cases[i].FromOutputText}}] public static partial void Backward(ReadOnlySpan<{{type}}> y, ReadOnlySpan<{{type}}> gradOutput, Span<{{type}}> gradInput);
                        }
                        """;
                    trees.Add(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: ClassName(i) + "FromOutput.cs"));
                }
            }

            // A rejected case gets AGEN0013 and bodies that throw, which compile with the rest.
            var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(string.Empty).AddSyntaxTrees(trees));
            _diagnostics = run.Diagnostics.ToList();
            var compilation = run.Output;
            Problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (Problems.Count == 0)
            {
                Assembly = GeneratorHarness.Load(compilation);
            }
        }

        public IReadOnlyList<Diagnostic> Problems { get; }

        public Assembly? Assembly { get; }

        /// <summary>ActivationGen's diagnostics in the case's classes.</summary>
        public IReadOnlyList<Diagnostic> DiagnosticsOf(int index) =>
            _diagnostics.Where(d => Path.GetFileNameWithoutExtension(d.Location.SourceTree!.FilePath) is var file
                && (file == ClassName(index) || file == ClassName(index) + "FromOutput")).ToList();

        /// <summary>Compiler diagnostics in the files generated for the case.</summary>
        public IReadOnlyList<Diagnostic> ProblemsOf(int index) =>
            Problems.Where(d => d.Location.SourceTree?.FilePath is { } path
                && (path.Contains("." + ClassName(index) + ".", StringComparison.Ordinal) || path.Contains("." + ClassName(index) + "FromOutput.", StringComparison.Ordinal))).ToList();

        /// <summary>The methods with the case's attribute: the 14 of a kernel set, and the backward-from-output one.</summary>
        public int MethodCount(int index) => 14 + (Cases[index].HasFromOutput ? 1 : 0);

        public IKernelSet<T> Kernels<T>(int index)
            where T : unmanaged =>
            (IKernelSet<T>)Activator.CreateInstance(Assembly!.GetType("Generated.Tests." + ClassName(index), throwOnError: true)!)!;

        public FromOutputTests.Backward<T> FromOutput<T>(int index) =>
            Assembly!.GetType("Generated.Tests." + ClassName(index) + "FromOutput", throwOnError: true)!
                .GetMethod("Backward", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<FromOutputTests.Backward<T>>();

        private static string ClassName(int index) => "Case" + index.ToString(CultureInfo.InvariantCulture);
    }
}
