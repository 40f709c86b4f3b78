using System;
using System.Linq;
using System.Text.RegularExpressions;
using ActivationGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// The generated source of a SigmoidSum method is bounded whatever the parameters: at the largest Count, for spacings
/// from 1e-3 to 2e304, it is at most one table line or two per term plus code that does not change with the spacing, and
/// it compiles without any diagnostic (Issue 10: Count = 10000 from 0 to 1e6 used to emit 46 MB and exhaust the
/// compiler's memory). Where a series replaces the sum (spacings up to 0.3, or a total range up to 1) there is no table
/// at all: the source is as small as for a few terms (issue 12). The values are checked by AccuracyTests against the
/// Count 1,000 and 10,000 tables.
/// </summary>
public class SigmoidSumSizeTests(ITestOutputHelper output)
{
    private const int Count = 10_000;

    /// <summary>Characters per term the tables may take (about 70 to 135 measured), beyond a fixed part for the code.</summary>
    private const int CharactersPerTerm = 160;

    private const int FixedCharacters = 64 * 1024;

    public static TheoryData<string> Spacings => new()
    {
        "From = 0, To = 9.999",
        "From = 0, To = 9999",
        "From = 0, To = 999900",
        "From = 0, To = 1e6",
        "From = -1234567.8, To = 1234567.9",
        "From = -1e308, To = 1e308",
    };

    [Theory]
    [MemberData(nameof(Spacings))]
    public void Source_grows_with_count_only_and_compiles(string range)
    {
        var text = Generate(range);
        output.WriteLine($"[SigmoidSum(Count = {Count}, {range})]: {text.Length:N0} characters, {text.Count(c => c == '\n'):N0} lines");
        Assert.True(text.Length <= FixedCharacters + (CharactersPerTerm * Count), $"{text.Length:N0} characters for {Count} terms");
    }

    /// <summary>A series (Euler–Maclaurin, Taylor about the midpoint): no table, the same small size as for Count = 7.</summary>
    [Theory]
    [InlineData("From = 0, To = 9.999")]
    [InlineData("From = -777777.7, To = -777277.75")]
    [InlineData("From = 1000000, To = 1000000.5")]
    public void Series_source_does_not_grow_with_count(string range)
    {
        var text = Generate(range);
        output.WriteLine($"[SigmoidSum(Count = {Count}, {range})]: {text.Length:N0} characters");
        Assert.True(text.Length <= SeriesCharacters, $"{text.Length:N0} characters for {Count} terms summed by a series");
    }

    /// <summary>Enough for the series' code, its polynomials and doc comments; far below one line per term.</summary>
    private const int SeriesCharacters = 40 * 1024;

    /// <summary>
    /// Beyond the tables' rows, the code is the same text whatever the spacing, once there are more than a few blocks
    /// (offsets of 2^32 or more add the three lines that renormalize their differences).
    /// </summary>
    [Fact]
    public void Code_besides_the_tables_does_not_change_with_the_spacing()
    {
        var codes = new[] { "From = 0, To = 9999", "From = 0, To = 999900", "From = -1234567.8, To = 1234567.9" }
            .Select(range => Code(Generate(range)))
            .ToList();
        Assert.All(codes, code => Assert.Equal(codes[0], code));
    }

    private static string Generate(string range)
    {
        var source = $$"""
            using System;
            using ActivationGen;

            public static partial class Sums
            {
                [SigmoidSum(Count = {{Count}}, {{range}})]
                public static partial void M(ReadOnlySpan<double> x, Span<double> destination);
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.CompilerProblems);
        Assert.Empty(GeneratorHarness.AnalyzerDiagnostics(run.Output));
        return run.Sources.Single(s => s.HintName.StartsWith("Sums.M.", StringComparison.Ordinal)).SourceText.ToString();
    }

    /// <summary>The source without the rows of numbers and the doc comments that name the parameters (wrapped over several lines).</summary>
    private static string Code(string text) =>
        string.Join("\n", text.Split('\n').Where(line => !Regex.IsMatch(line, @"^\s*(-?[\d.E+-]+, )+-?[\d.E+-]*,?$") && !line.TrimStart().StartsWith("///", StringComparison.Ordinal)));
}
