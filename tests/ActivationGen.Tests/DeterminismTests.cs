using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ActivationGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>
/// The generated code depends on the input only: the same source gives the same bytes in every fresh run and under
/// every culture, the constants are written culture-invariantly, and the compiled assembly is reproducible.
/// </summary>
public class DeterminismTests
{
    /// <summary>Constants whose culture formatting differs (decimal comma, Arabic minus sign, exponent).</summary>
    private const string Input = """
        using System;
        using System.Runtime.Intrinsics;
        using ActivationGen;

        namespace Net.Determinism;

        public static partial class Constants
        {
            [Elu(Alpha = 0.5)]
            public static partial double EluHalf(double x);

            [Elu(Alpha = 0.5, Derivative = true)]
            public static partial Vector128<float> EluHalfSlope(Vector128<float> x);

            [Sigmoid(Offset = -3.25)]
            public static partial float Shifted(float x);

            [Sigmoid(Offset = -3.25)]
            public static partial void ShiftedFused(ReadOnlySpan<double> x, Span<double> destination, Span<double> derivative);

            [SigmoidSum(Count = 7, From = -1000, To = -990, Scale = 2.5)]
            public static partial void FarLeft(ReadOnlySpan<double> x, Span<double> destination);

            [SigmoidSum(Count = 7, From = -1000, To = -990, Scale = 2.5, Derivative = true)]
            public static partial float FarLeftSlope(float x);

            [SigmoidSum(Scale = 1E-5)]
            public static partial float Tiny(float x);

            [Softplus]
            public static partial void SoftplusInPlace(Span<float> values);

            [Relu]
            public static partial void ReluBackward(ReadOnlySpan<double> x, ReadOnlySpan<double> gradOutput, Span<double> gradInput);
        }
        """;

    private const int MethodCount = 9;

    public static TheoryData<string> Cultures => new() { "de-DE", "fr-FR", "ar-SA", "tr-TR" };

    [Fact]
    public void Two_fresh_runs_give_byte_identical_output()
    {
        var first = Generate(CultureInfo.InvariantCulture);
        var second = Generate(CultureInfo.InvariantCulture);

        Assert.Equal(MethodCount, first.Sources.Count(s => s.HintName.EndsWith(".Activation.g.cs", StringComparison.Ordinal)));
        AssertIdentical(first, second);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Output_does_not_depend_on_the_current_culture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);

        // Not vacuous: this culture really formats these numbers differently (no invariant-globalization mode here).
        Assert.NotEqual((-3.25).ToString(CultureInfo.InvariantCulture), (-3.25).ToString(culture));
        Assert.NotEqual((2.5).ToString(CultureInfo.InvariantCulture), (2.5).ToString(culture));

        var invariant = Generate(CultureInfo.InvariantCulture);
        var cultured = Generate(culture);

        AssertIdentical(invariant, cultured);
        AssertNoDecimalCommas(cultured);
    }

    [Fact]
    public void Constants_are_written_invariantly_and_round_trip()
    {
        var run = Generate(CultureInfo.InvariantCulture);
        var sources = run.Sources.ToDictionary(s => s.HintName, s => s.Text, StringComparer.Ordinal);

        AssertNoDecimalCommas(run);
        Assert.Contains("Create(0.5)", sources["Net.Determinism.Constants.EluHalf.ScalarDouble.Activation.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Create(0.5f)", sources["Net.Determinism.Constants.EluHalfSlope.VectorSingle128.Activation.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Subtract(x, -3.25f, 0f,", sources["Net.Determinism.Constants.Shifted.ScalarSingle.Activation.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Subtract(x, -3.25, 0.0,", sources["Net.Determinism.Constants.ShiftedFused.FusedDouble.Activation.g.cs"], StringComparison.Ordinal);

        var farLeft = sources["Net.Determinism.Constants.FarLeft.SpanDouble.Activation.g.cs"];
        Assert.Contains("-1000.0, ", farLeft, StringComparison.Ordinal);
        Assert.Contains("-990.0, ", farLeft, StringComparison.Ordinal);
        Assert.Contains("1.6666666666666667, ", farLeft, StringComparison.Ordinal); // o_1 - o_0 = 10/6 in the table of terms
        Assert.Contains("Sum of 7 sigmoids: f(x) = 2.5·", farLeft, StringComparison.Ordinal);
        Assert.Contains("Sum of 100 sigmoids: f(x) = 1E-05·", sources["Net.Determinism.Constants.Tiny.ScalarSingle.Activation.g.cs"], StringComparison.Ordinal);

        // Every floating literal in the code parses back, invariantly, to a finite double.
        foreach (var (hint, text) in sources.Where(s => s.Key.EndsWith(".Activation.g.cs", StringComparison.Ordinal)))
        {
            var literals = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions).GetRoot()
                .DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.NumericLiteralToken) && t.Value is double or float)
                .ToList();
            Assert.All(literals, t => Assert.True(
                double.TryParse(t.Text.TrimEnd('d', 'D', 'f', 'F'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed),
                $"{hint}: literal '{t.Text}' does not round-trip invariantly."));
        }
    }

    [Fact]
    public void Deterministic_emit_gives_identical_assemblies()
    {
        var first = Emit(Generate(CultureInfo.InvariantCulture).Output);
        var second = Emit(Generate(CultureInfo.InvariantCulture).Output);
        var underArabic = Emit(Generate(CultureInfo.GetCultureInfo("ar-SA")).Output);

        Assert.True(first.AsSpan().SequenceEqual(second), "Two deterministic emits of the same input differ.");
        Assert.True(first.AsSpan().SequenceEqual(underArabic), "The assembly built under ar-SA differs from the invariant one.");
    }

    /// <summary>A fresh compilation and a fresh driver, both created and run with <paramref name="culture"/> current.</summary>
    private static Run Generate(CultureInfo culture)
    {
        var (culture0, uiCulture0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;

            var compilation = GeneratorHarness.CreateCompilation(Input);
            var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            var result = Assert.Single(driver.GetRunResult().Results);
            Assert.Null(result.Exception);
            Assert.Empty(diagnostics);
            Assert.Empty(result.Diagnostics);

            var sources = result.GeneratedSources
                .Select(s => new Source(s.HintName, s.SourceText.ToString(), s.SourceText.Encoding?.WebName, s.SourceText.GetChecksum().ToArray()))
                .ToList();
            return new Run(sources, output);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = uiCulture0;
        }
    }

    private static void AssertIdentical(Run expected, Run actual)
    {
        Assert.Equal(expected.Sources.Select(s => s.HintName), actual.Sources.Select(s => s.HintName));
        foreach (var (e, a) in expected.Sources.Zip(actual.Sources))
        {
            Assert.Equal(e.Encoding, a.Encoding);
            Assert.True(Encoding.UTF8.GetBytes(e.Text).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(a.Text)), $"{e.HintName} differs:\n{FirstDifference(e.Text, a.Text)}");
            Assert.Equal(e.Checksum, a.Checksum);
        }
    }

    /// <summary>A digit, a comma and a digit with no space between: a decimal comma (the emitter writes ", " between arguments and elements).</summary>
    private static void AssertNoDecimalCommas(Run run)
    {
        var decimalComma = new Regex(@"\d,\d", RegexOptions.CultureInvariant);
        Assert.All(run.Sources, s => Assert.False(decimalComma.IsMatch(s.Text), $"{s.HintName}: '{decimalComma.Match(s.Text).Value}' looks like a decimal comma."));
        Assert.All(run.Sources, s => Assert.DoesNotContain('\u061C', s.Text)); // Arabic letter mark, part of ar-SA's minus sign
        Assert.All(run.Sources, s => Assert.DoesNotContain('\u066B', s.Text)); // Arabic decimal separator
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a)
            {
                return $"line {i + 1}\n- {e}\n+ {a}";
            }
        }

        return "(the texts differ only in bytes that do not show in lines)";
    }

    private static byte[] Emit(Compilation compilation)
    {
        Assert.True(compilation.Options.Deterministic);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return stream.ToArray();
    }

    private sealed record Source(string HintName, string Text, string? Encoding, byte[] Checksum);

    private sealed record Run(IReadOnlyList<Source> Sources, Compilation Output);
}
