using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// A property test of <c>[Activation]</c>: 40 random well-formed definitions (Reference/Random, written with a fixed seed
/// by make_random_definitions.py from the grammar of CUSTOM.md) against their exact values (mpmath, interval
/// arithmetic), under CUSTOM.md's rule for definitions outside its table, element by element, with e_naive the error
/// of the definition evaluated as written in C# <c>double</c> (for <c>float</c>, rounded once to <c>float</c>), in ULP of
/// the kernel's type:
/// <list type="bullet">
/// <item><c>float</c> f: at most 4 ULP where e_naive ≤ 3, else at most e_naive + 1; f': the same with the naive
/// derivative (the textbook derivative written in <c>double</c>) and 8 ULP instead of 4.</item>
/// <item>f' (both types), CUSTOM.md's cancellation allowance: "where f' is a sum of terms that nearly cancel (near a zero
/// of f'), an absolute error of up to 8 ULP of the largest term the sum and product rules produce is accepted". An f'
/// input that fails the rules above passes if it is near a zero of f', the largest term t exceeds |exact f'| (the terms
/// cancel there) and |kernel − exact| ≤ 8 ULP of the kernel's type at |t|. The table gives t (column <c>t</c>: the
/// largest magnitude of a term of the naive derivative, d(a ± b) = a' ± b', d(a b) = a' b + a b', a / b as a · (1 / b),
/// evaluated exactly) and the zero (column <c>z</c>, <c>-</c> where there is none): an input is near a zero of f' if
/// the terms cancel there and at every input between it and a zero of f' (a sign change of f' where |f'| tends to 0,
/// not a jump at a kink; or an input where f' = 0). A sum that cancels only asymptotically, f' tending to 0 faster than
/// its terms and without a zero (the softsign forms <c>x / (1 + Math.Abs(a * x + b))</c> at large |x|), is not near a
/// zero: there the rules above apply as they are.</item>
/// <item><c>double</c> f and f': at most 8 ULP wherever e_naive ≤ 2; where the naive <c>double</c> value is NaN or ±∞
/// while the exact value is finite (an intermediate overflowed), NaN or a value within 8 ULP, never a finite wrong
/// number (CUSTOM.md, "What it means"; checked for <c>float</c> kernels too, with 4 and 8 ULP); elsewhere not checked.</item>
/// <item>Where |exact| is below 1e-30 (<c>float</c>) or 1e-300 (<c>double</c>), an absolute error of that size counts as 0;
/// where the exact value overflows the type, ±∞ of its sign or NaN.</item>
/// <item>NaN gives NaN; the span shapes give the scalar method's bits at every input.</item>
/// </list>
/// All definitions are compiled in one compilation per element type (shared by the cases), as a user writes them:
/// <c>public static double R07(double x) =&gt; …;</c> with <c>[Activation(nameof(R07))]</c> on a scalar and a span method,
/// f and f'.
/// </summary>
[Trait("Category", "Execution")]
public class CustomPropertyTests(ITestOutputHelper output)
{
    private const string Folder = "Random";

    private delegate void SpanMap<T>(ReadOnlySpan<T> x, Span<T> destination);

    public static IEnumerable<object[]> Ids => Definition.All.Value.Select(d => new object[] { d.Id });

    [Fact]
    public void Float_kernels_of_every_definition_are_generated_without_error() => NoErrors(Kernels<float>.Instance.Value);

    [Fact]
    public void Double_kernels_of_every_definition_are_generated_without_error() => NoErrors(Kernels<double>.Instance.Value);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Float_kernels_follow_the_rule(string id) => Check<float>(id);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Double_kernels_follow_the_rule(string id) => Check<double>(id);

    private static void NoErrors(Compiled compiled)
    {
        var errors = compiled.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The generator reported errors:\n" + string.Join("\n", errors));
        Assert.All(compiled.Diagnostics, d => Assert.True(d.Severity < DiagnosticSeverity.Warning, d.ToString()));
    }

    private void Check<T>(string id)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var type = typeof(T) == typeof(float) ? "float" : "double";
        var definition = Definition.All.Value.Single(d => d.Id == id);
        var compiled = Kernels<T>.Instance.Value;
        var mine = compiled.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && compiled.Owner(d) == id).ToList();
        Assert.True(mine.Count == 0, $"{id} [{definition.Text}]: the generator reported\n" + string.Join("\n", mine));

        var table = Table.Load($"random_{id}_{type}");
        Assert.Equal(definition.Text, table.Definition);
        var n = id[1..];
        var f = compiled.Scalar<T>("F" + n);
        var d = compiled.Scalar<T>("D" + n);
        var naiveF = compiled.Naive("R" + n);
        var naiveD = compiled.Naive("R" + n + "Slope");

        var xs = table.Rows.Select(r => ReferenceTable.Row.Parse<T>(r.X)).ToArray();
        var kf = xs.Select(f).ToArray();
        var kd = xs.Select(d).ToArray();
        var failures = new List<string>();
        var statsF = Judge(definition, "f", xs, kf, table.Rows.Select(r => r.F).ToArray(), x => naiveF(double.CreateTruncating(x)), terms: null, failures);
        var statsD = Judge(definition, "f'", xs, kd, table.Rows.Select(r => r.D).ToArray(), x => naiveD(double.CreateTruncating(x)), table.Rows, failures);
        output.WriteLine($"{id} {type} [{definition.Text}]: f {statsF}; f' {statsD}");

        // A test bug (a naive evaluation that does not compute the definition) would leave almost nothing checked.
        Assert.True(
            statsF.Strict >= xs.Length / 4 && statsD.Strict >= xs.Length / 4,
            $"{id} {type}: fewer than a quarter of the inputs checked with a fixed bound (f {statsF.Strict}, f' {statsD.Strict} of {xs.Length})");

        // NaN in, NaN out.
        if (!T.IsNaN(f(T.NaN)))
        {
            failures.Add($"{id} [{definition.Text}] f(NaN) = {Show(f(T.NaN))}, not NaN");
        }

        if (!T.IsNaN(d(T.NaN)))
        {
            failures.Add($"{id} [{definition.Text}] f'(NaN) = {Show(d(T.NaN))}, not NaN");
        }

        // The span shapes give the scalar method's bits (NaN included).
        var inputs = xs.Append(T.NaN).ToArray();
        foreach (var (shape, scalar, name) in new[] { ("Map" + n, f, "f"), ("MapD" + n, d, "f'") })
        {
            var map = compiled.Span<T>(shape);
            var destination = new T[inputs.Length];
            map(inputs, destination);
            for (var i = 0; i < inputs.Length; i++)
            {
                var expected = scalar(inputs[i]);
                if (!Bits(destination[i]).Equals(Bits(expected)))
                {
                    failures.Add($"{id} [{definition.Text}] {name}: span {shape} gives {Show(destination[i])} at x = {Show(inputs[i])}, the scalar method {Show(expected)}");
                }
            }
        }

        Assert.True(
            failures.Count == 0,
            $"{id} {type} [{definition.Text}]: {failures.Count} failures{(failures.Count > 15 ? " (the first 15)" : string.Empty)}\n" + string.Join("\n", failures.Take(15)));
    }

    /// <summary>
    /// Applies the rule at every input; adds a line per failing input to <paramref name="failures"/>. <paramref name="terms"/>
    /// (the rows, with the largest term and the zero of f') is given for f', and null for f.
    /// </summary>
    private static Stats Judge<T>(
        Definition definition, string kind, T[] xs, T[] kernel, string[] exact, Func<T, double> naive, IReadOnlyList<Row>? terms, List<string> failures)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var derivative = terms is not null;
        var isFloat = typeof(T) == typeof(float);
        var floor = isFloat ? 1e-30 : 1e-300;
        var limit = isFloat ? (derivative ? 8 : 4) : 8;
        var stats = new Stats();
        for (var i = 0; i < xs.Length; i++)
        {
            var precise = double.Parse(exact[i], CultureInfo.InvariantCulture);
            var rounded = ReferenceTable.Row.Parse<T>(exact[i]);
            var k = kernel[i];
            var naiveDouble = naive(xs[i]);
            var naiveValue = T.CreateTruncating(naiveDouble);
            var eK = Error(k, exact[i], precise, floor);
            var eN = Error(naiveValue, exact[i], precise, floor);
            bool pass;
            double bound;
            string rule;
            if (T.IsInfinity(rounded))
            {
                // The exact value overflows the type.
                pass = T.IsNaN(k) || k == rounded;
                bound = 0;
                rule = "exact value beyond the type: ±∞ of its sign or NaN";
            }
            else if (!double.IsFinite(naiveDouble))
            {
                // An intermediate of the naive evaluation overflowed: NaN or the right value, never a finite wrong number.
                pass = T.IsNaN(k) || eK <= limit;
                bound = limit;
                rule = "naive evaluation not finite: NaN or within " + limit + " ULP";
            }
            else if (isFloat)
            {
                bound = eN <= 3 ? limit : eN + 1;
                pass = eK <= bound;
                rule = eN <= 3 ? $"e_naive ≤ 3: within {limit} ULP" : "within e_naive + 1 ULP";
            }
            else if (eN <= 2)
            {
                bound = limit;
                pass = eK <= bound;
                rule = "e_naive ≤ 2: within 8 ULP";
            }
            else
            {
                stats.Skipped++;
                continue;
            }

            // CUSTOM.md's cancellation allowance (f' only): near a zero of f', where the largest term t exceeds |f'|,
            // an absolute error of 8 ULP of t.
            var allowance = string.Empty;
            if (terms is not null && terms[i].Z != "-" && !T.IsInfinity(rounded))
            {
                var t = double.Parse(terms[i].T, CultureInfo.InvariantCulture);
                var eT = ErrorAt<T>(k, precise, t);
                allowance = $"; largest term {terms[i].T} (zero of f' at {terms[i].Z}), kernel {Ulps(eT)} ULP of it";
                if (!pass && t > Math.Abs(precise) && eT <= CancellationLimit)
                {
                    stats.Allowed(eK, eT, Show(xs[i]));
                    continue;
                }
            }

            stats.Add(eK, Show(xs[i]), double.IsFinite(bound) && bound <= limit, T.IsNaN(k));
            if (!pass)
            {
                failures.Add(
                    $"{definition.Id} [{definition.Text}] {kind} at x = {Show(xs[i])}: kernel {Show(k)}, exact {exact[i]}, naive {naiveDouble.ToString("R", CultureInfo.InvariantCulture)} " +
                    $"(as {(isFloat ? "float" : "double")} {Show(naiveValue)}, {Ulps(eN)} ULP); kernel {Ulps(eK)} ULP; rule: {rule}{allowance}");
            }
        }

        return stats;
    }

    /// <summary>CUSTOM.md's bound of the cancellation allowance, in ULP of the largest term.</summary>
    private const double CancellationLimit = 8;

    /// <summary>
    /// |actual − exact| in ULP of <typeparamref name="T"/> at the magnitude of <paramref name="term"/> (2^(e − 23) for
    /// <c>float</c>, 2^(e − 52) for <c>double</c>, e the binary exponent of |term|, at least that of the smallest normal
    /// number); +∞ for NaN, ±∞, or a term beyond the type.
    /// </summary>
    private static double ErrorAt<T>(T actual, double exact, double term)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var magnitude = T.Abs(T.CreateTruncating(term));
        if (!T.IsFinite(actual) || !T.IsFinite(magnitude))
        {
            return double.PositiveInfinity;
        }

        var (precision, minExponent) = typeof(T) == typeof(float) ? (24, -126) : (53, -1022);
        var exponent = T.IsZero(magnitude) ? minExponent : Math.Max(T.ILogB(magnitude), minExponent);
        return Math.Abs(double.CreateTruncating(actual) - exact) / Math.ScaleB(1.0, exponent - precision + 1);
    }

    /// <summary>The ULP error, 0 where the exact value is below <paramref name="floor"/> and the error within it; +∞ for NaN.</summary>
    private static double Error<T>(T actual, string exact, double precise, double floor)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (T.IsNaN(actual))
        {
            return double.PositiveInfinity;
        }

        if (Math.Abs(precise) < floor && Math.Abs(double.CreateTruncating(actual) - precise) <= floor)
        {
            return 0;
        }

        return typeof(T) == typeof(float) ? Ulp.Error((float)(object)actual, exact) : Ulp.Error((double)(object)actual, exact);
    }

    private static string Ulps(double e) => e.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Show<T>(T value)
        where T : unmanaged, IFloatingPointIeee754<T> => value.ToString("R", CultureInfo.InvariantCulture);

    private static long Bits<T>(T value)
        where T : unmanaged => typeof(T) == typeof(float)
            ? BitConverter.SingleToInt32Bits((float)(object)value)
            : BitConverter.DoubleToInt64Bits((double)(object)value);

    /// <summary>
    /// The inputs of one kernel (f or f' of one definition and type): checked against the fixed bound (4 or 8 ULP), against
    /// e_naive + 1 (float, where e_naive &gt; 3), or skipped (double, where e_naive &gt; 2); the worst error of each kind
    /// (in ULP of the exact value); apart from them, the inputs that pass only by the cancellation allowance, with their
    /// worst error in ULP of the exact value and in ULP of the largest term.
    /// </summary>
    private sealed class Stats
    {
        public int Strict { get; private set; }

        public int Relaxed { get; private set; }

        public int Skipped { get; set; }

        /// <summary>Inputs where the kernel gave NaN and NaN was accepted (the naive evaluation overflowed).</summary>
        public int NaN { get; private set; }

        public (double Ulp, string X) WorstStrict { get; private set; } = (0, "-");

        public (double Ulp, string X) WorstRelaxed { get; private set; } = (0, "-");

        /// <summary>Inputs that fail the other rules and pass by the cancellation allowance.</summary>
        public int Cancelling { get; private set; }

        public (double Ulp, string X) WorstCancelling { get; private set; } = (0, "-");

        /// <summary>The worst error of those inputs in ULP of the largest term.</summary>
        public double WorstTermUlp { get; private set; }

        public void Allowed(double ulp, double termUlp, string x)
        {
            Cancelling++;
            WorstCancelling = ulp > WorstCancelling.Ulp ? (ulp, x) : WorstCancelling;
            WorstTermUlp = Math.Max(WorstTermUlp, termUlp);
        }

        public void Add(double ulp, string x, bool strict, bool isNaN)
        {
            if (isNaN)
            {
                NaN++;
                return;
            }

            if (strict)
            {
                Strict++;
                WorstStrict = ulp > WorstStrict.Ulp ? (ulp, x) : WorstStrict;
            }
            else
            {
                Relaxed++;
                WorstRelaxed = ulp > WorstRelaxed.Ulp ? (ulp, x) : WorstRelaxed;
            }
        }

        public override string ToString() =>
            $"worst {Ulps(WorstStrict.Ulp)} ULP at x = {WorstStrict.X} ({Strict} inputs with a fixed bound)" +
            (Relaxed > 0 ? $", {Ulps(WorstRelaxed.Ulp)} ULP at x = {WorstRelaxed.X} ({Relaxed} against e_naive + 1)" : string.Empty) +
            (NaN > 0 ? $", {NaN} NaN accepted" : string.Empty) +
            (Cancelling > 0
                ? $", {Cancelling} by the cancellation allowance (worst {Ulps(WorstCancelling.Ulp)} ULP at x = {WorstCancelling.X}; at most {Ulps(WorstTermUlp)} ULP of the largest term)"
                : string.Empty) +
            (Skipped > 0 ? $", {Skipped} skipped (e_naive > 2)" : string.Empty);
    }

    /// <summary>
    /// One row of a table of Reference/Random: x, exact f and f' (as in the other reference tables), the largest term of
    /// f' (<c>t</c>, 9 digits: a scale) and the zero of f' near x (<c>z</c>, <c>-</c> where x is not near one).
    /// </summary>
    private sealed record Row(string X, string F, string D, string T, string Z);

    /// <summary>
    /// A table of Reference/Random (read here: its header is <c>x,f,df,t,z</c>, where <see cref="ReferenceTable"/> reads
    /// the <c>x,f,df</c> tables of the other tests).
    /// </summary>
    private sealed record Table(string Definition, IReadOnlyList<Row> Rows)
    {
        public static Table Load(string name)
        {
            var lines = File.ReadAllLines(Path.Combine(ReferenceTable.Folder, Folder, name + ".csv"));
            const string prefix = "# definition: ";
            if (!lines[0].StartsWith(prefix, StringComparison.Ordinal) || lines[1] != "x,f,df,t,z")
            {
                throw new InvalidDataException(name + ": unexpected header");
            }

            var rows = lines.Skip(2).Select(line => line.Split(','))
                .Select(p => p.Length == 5 ? new Row(p[0], p[1], p[2], p[3], p[4]) : throw new InvalidDataException(name + ": " + string.Join(",", p)))
                .ToList();
            return new Table(lines[0][prefix.Length..], rows);
        }
    }

    /// <summary>One random definition of Reference/Random/random_definitions.csv.</summary>
    private sealed record Definition(string Id, string Text, string Slope)
    {
        public static readonly Lazy<IReadOnlyList<Definition>> All = new(() =>
            File.ReadAllLines(Path.Combine(ReferenceTable.Folder, Folder, "random_definitions.csv"))
                .Where(line => !line.StartsWith('#') && line != "id;definition;derivative" && line.Length > 0)
                .Select(line => line.Split(';'))
                .Select(parts => parts.Length == 3 ? new Definition(parts[0], parts[1], parts[2]) : throw new InvalidDataException(string.Join(";", parts)))
                .ToList());
    }

    /// <summary>The compilation of every definition with the kernels of element type <typeparamref name="T"/>.</summary>
    private static class Kernels<T>
    {
        public static readonly Lazy<Compiled> Instance = new(() => Compiled.Create(typeof(T) == typeof(float) ? "float" : "double"));
    }

    private sealed class Compiled
    {
        private readonly Type _type;
        private readonly IReadOnlyList<(int Line, string Id)> _starts;

        private Compiled(Type type, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<(int Line, string Id)> starts)
        {
            _type = type;
            Diagnostics = diagnostics;
            _starts = starts;
        }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        public static Compiled Create(string t)
        {
            var source = new StringBuilder();
            source.AppendLine("using System;");
            source.AppendLine("using ActivationGen;");
            source.AppendLine();
            source.AppendLine("namespace Generated.Tests;");
            source.AppendLine();
            source.AppendLine("public static partial class RandomDefinitions");
            source.AppendLine("{");
            var starts = new List<(int Line, string Id)>();
            foreach (var d in Definition.All.Value)
            {
                var n = d.Id[1..];
                starts.Add((source.ToString().Count(c => c == '\n'), d.Id));
                source.AppendLine(CultureInfo.InvariantCulture, $"    public static double R{n}(double x) => {d.Text};");
                source.AppendLine(CultureInfo.InvariantCulture, $"    public static double R{n}Slope(double x) => {d.Slope};");
                source.AppendLine(CultureInfo.InvariantCulture, $"    [Activation(nameof(R{n}))] public static partial {t} F{n}({t} x);");
                source.AppendLine(CultureInfo.InvariantCulture, $"    [Activation(nameof(R{n}), Derivative = true)] public static partial {t} D{n}({t} x);");
                source.AppendLine(CultureInfo.InvariantCulture, $"    [Activation(nameof(R{n}))] public static partial void Map{n}(ReadOnlySpan<{t}> x, Span<{t}> destination);");
                source.AppendLine(CultureInfo.InvariantCulture, $"    [Activation(nameof(R{n}), Derivative = true)] public static partial void MapD{n}(ReadOnlySpan<{t}> x, Span<{t}> destination);");
            }

            source.AppendLine("}");
            var run = GeneratorHarness.Run(source.ToString());
            var assembly = GeneratorHarness.Load(run.Output);
            var type = assembly.GetType("Generated.Tests.RandomDefinitions", throwOnError: true)!;
            return new Compiled(type, run.Diagnostics, starts);
        }

        /// <summary>The definition whose lines hold the diagnostic (null outside them).</summary>
        public string? Owner(Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource)
            {
                return null;
            }

            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
            return _starts.LastOrDefault(s => s.Line <= line).Id;
        }

        public Func<T, T> Scalar<T>(string name) => Method(name).CreateDelegate<Func<T, T>>();

        public Func<double, double> Naive(string name) => Method(name).CreateDelegate<Func<double, double>>();

        public SpanMap<T> Span<T>(string name) => Method(name).CreateDelegate<SpanMap<T>>();

        private MethodInfo Method(string name) =>
            _type.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException(_type.FullName, name);
    }
}
