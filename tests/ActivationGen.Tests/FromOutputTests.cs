using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using ActivationGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// Backward from the output (<c>FromOutput = true</c>) against the committed mpmath tables of g(y) = f'(x) written
/// through the forward result y = f(x): within 4 ULP of the exact g for the given y, gradOutput applied as one product,
/// and the same result on every span length (every vector width and the scalar tail).
/// </summary>
[Trait("Category", "Execution")]
public class FromOutputTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Tables =>
        Directory.GetFiles(ReferenceTable.Folder, ReferenceTable.FromOutputPrefix + "*.csv")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).Select(n => new object[] { n! });

    [Theory]
    [MemberData(nameof(Tables))]
    public void Within_contract_of_the_exact_derivative_through_y(string table)
    {
        var lines = File.ReadAllLines(Path.Combine(ReferenceTable.Folder, table + ".csv"));
        const string prefix = "# attribute: [";
        Assert.StartsWith(prefix, lines[0]);
        Assert.Equal("y,g", lines[1]);
        var attribute = lines[0][prefix.Length..^1];
        var rows = lines.Skip(2).Select(l => l.Split(',')).Select(p => (Y: p[0], G: p[1])).ToArray();
        if (table.EndsWith("_float", StringComparison.Ordinal))
        {
            Check<float>(table, attribute, rows, Ulp.Error);
        }
        else
        {
            Check<double>(table, attribute, rows, Ulp.Error);
        }
    }

    private void Check<T>(string table, string attribute, (string Y, string G)[] rows, Func<T, string, double> error)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Check(output, table, attribute, Compile<T>(attribute), rows, error);

    /// <summary>g(y) of <paramref name="backward"/> within 4 ULP of the exact g, and gradOutput applied as one product on every length.</summary>
    internal static void Check<T>(ITestOutputHelper output, string table, string attribute, Backward<T> backward, (string Y, string G)[] rows, Func<T, string, double> error)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ys = rows.Select(r => T.Parse(r.Y, CultureInfo.InvariantCulture)).ToArray();
        var ones = Enumerable.Repeat(T.One, ys.Length).ToArray();
        var g = new T[ys.Length];
        backward(ys, ones, g);

        var worst = (Ulp: -1.0, Y: string.Empty, Got: string.Empty, Exact: string.Empty);
        for (var i = 0; i < rows.Length; i++)
        {
            var e = error(g[i], rows[i].G);
            if (e > worst.Ulp)
            {
                worst = (e, rows[i].Y, g[i].ToString()!, rows[i].G);
            }
        }

        output.WriteLine($"{table} [{attribute}]: max {worst.Ulp} ULP at y = {worst.Y}");
        Assert.True(worst.Ulp <= 4, $"{table}: {worst.Ulp} ULP at y = {worst.Y} (got {worst.Got}, exact {worst.Exact})");

        // gradOutput is applied as one product, on every length (vector bodies, overlapping last vector, scalar tail).
        var random = new Random(table.Length);
        var gradOutput = ys.Select(_ => T.CreateTruncating(random.NextDouble() * 4 - 2)).ToArray();
        foreach (var n in new[] { ys.Length, 1, 3, 17, 67 }.Where(n => n <= ys.Length))
        {
            var start = random.Next(ys.Length - n + 1);
            var slice = new T[n];
            backward(ys.AsSpan(start, n), gradOutput.AsSpan(start, n), slice);
            for (var i = 0; i < n; i++)
            {
                var expected = gradOutput[start + i] * g[start + i];
                Assert.True(expected.Equals(slice[i]) || (T.IsNaN(expected) && T.IsNaN(slice[i])), $"{table}: n = {n}, y = {ys[start + i]}: {slice[i]} instead of {expected}");
            }
        }
    }

    /// <summary>Every attribute that supports FromOutput, with parameters that are not the defaults where it has any.</summary>
    public static readonly TheoryData<string> Supported = new()
    {
        "Relu",
        "LeakyRelu(NegativeSlope = 0.2)",
        "HardSigmoid",
        "HardTanh(Min = -0.5, Max = 2)",
        "Softsign",
        "Sigmoid(Offset = 2)",
        "Tanh",
        "Elu(Alpha = 0.5)",
        "Celu(Alpha = 2)",
        "Selu",
        "Softplus(Beta = 2)",
    };

    /// <summary>
    /// From y = f(x) the method gives what the backward method gives from x, up to the rounding of y (away from the
    /// kinks, on [-4, 4]); NaN gives NaN.
    /// </summary>
    [Theory]
    [MemberData(nameof(Supported))]
    public void Agrees_with_the_backward_from_x(string attribute)
    {
        var fromOutput = Compile<double>(attribute.EndsWith(')') ? attribute[..^1] + ", FromOutput = true)" : attribute + "(FromOutput = true)");
        var kernels = KernelCache.Get<double>(attribute);
        var xs = Enumerable.Range(0, 321).Select(i => -4 + 0.025 * i + 1e-3).ToArray();
        var ys = new double[xs.Length];
        kernels.Map(xs, ys);
        var gradOutput = xs.Select(x => 1.5 - x).ToArray();
        var fromX = new double[xs.Length];
        var fromY = new double[xs.Length];
        kernels.Backward(xs, gradOutput, fromX);
        fromOutput(ys, gradOutput, fromY);
        for (var i = 0; i < xs.Length; i++)
        {
            Assert.True(Math.Abs(fromX[i] - fromY[i]) <= 1e-12 * Math.Max(1, Math.Abs(fromX[i])), $"{attribute} at x = {xs[i]}: {fromY[i]} from y = {ys[i]}, {fromX[i]} from x");
        }

        var nan = new double[1];
        fromOutput(new[] { double.NaN }, new[] { 1.0 }, nan);
        Assert.True(double.IsNaN(nan[0]), $"{attribute}: NaN gave {nan[0]}");
    }

    internal delegate void Backward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> gradOutput, Span<T> gradInput);

    private static Backward<T> Compile<T>(string attribute)
    {
        var type = typeof(T) == typeof(float) ? "float" : "double";
        var source = $$"""
            using System;
            using ActivationGen;

            namespace Generated.Tests;

            public static partial class FromOutput
            {
                [{{attribute}}] public static partial void Backward(ReadOnlySpan<{{type}}> y, ReadOnlySpan<{{type}}> gradOutput, Span<{{type}}> gradInput);
            }
            """;
        var run = GeneratorHarness.Run(source);
        var method = GeneratorHarness.Load(run.Output).GetType("Generated.Tests.FromOutput", throwOnError: true)!
            .GetMethod("Backward", BindingFlags.Public | BindingFlags.Static)!;
        return method.CreateDelegate<Backward<T>>();
    }
}
