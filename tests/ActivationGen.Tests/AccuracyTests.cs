using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using ActivationGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// Every f and f' of every attribute, in float and double, against the committed mpmath tables: at most 4 ULP
/// (SigmoidSum in double: 8), over grids that reach |x| = 1e30 and beyond, the underflow and saturation regions, and
/// ±∞. Every other shape must give, bit for bit, what the scalar method gives.
/// </summary>
[Trait("Category", "Execution")]
public class AccuracyTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> SingleTables => ReferenceTable.Names("float").Select(n => new object[] { n });

    public static IEnumerable<object[]> DoubleTables => ReferenceTable.Names("double").Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(SingleTables))]
    public void Float_within_contract(string table) =>
        Check<float>(ReferenceTable.Load(table), 4, HasTailFloor(table) ? (actual, exact) => WithTailFloor(actual, exact, 1e-30, Ulp.Error) : Ulp.Error);

    [Theory]
    [MemberData(nameof(DoubleTables))]
    public void Double_within_contract(string table) =>
        Check<double>(
            ReferenceTable.Load(table),
            table.StartsWith("sigmoidsum", StringComparison.Ordinal) ? 8 : 4,
            HasTailFloor(table) ? (actual, exact) => WithTailFloor(actual, exact, 1e-300, Ulp.Error) : Ulp.Error);

    /// <summary>
    /// API-CATALOG.md: Gelu and Mish underflow in their left tails, so where the exact result is below 1e-30 (float) or
    /// 1e-300 (double) in magnitude, an absolute error of that size is accepted (f and f').
    /// </summary>
    private static bool HasTailFloor(string table) =>
        table.StartsWith("gelu_", StringComparison.Ordinal) || table.StartsWith("mish_", StringComparison.Ordinal);

    private static double WithTailFloor<T>(T actual, string exact, double floor, Func<T, string, double> ulp)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var precise = double.Parse(exact, System.Globalization.CultureInfo.InvariantCulture);
        if (Math.Abs(precise) < floor && !T.IsNaN(actual))
        {
            return Math.Abs(double.CreateTruncating(actual) - precise) <= floor ? 0 : double.PositiveInfinity;
        }

        return ulp(actual, exact);
    }

    private void Check<T>(ReferenceTable table, double limit, Func<T, string, double> error)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Check(output, KernelCache.Get<T>(table.Attribute), table, limit, error);

    /// <summary>f and f' of <paramref name="kernels"/> within <paramref name="limit"/> of the table, and every shape alike.</summary>
    internal static void Check<T>(ITestOutputHelper output, IKernelSet<T> kernels, ReferenceTable table, double limit, Func<T, string, double> error)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var xs = table.Rows.Select(r => ReferenceTable.Row.Parse<T>(r.X)).ToArray();
        var f = xs.Select(kernels.F).ToArray();
        var d = xs.Select(kernels.D).ToArray();

        var worstF = Worst(table, f, r => r.F, error);
        var worstD = Worst(table, d, r => r.D, error);
        output.WriteLine($"{table.Name} [{table.Attribute}]: f max {worstF.Ulp} ULP at x = {worstF.X}; f' max {worstD.Ulp} ULP at x = {worstD.X}");
        Assert.True(worstF.Ulp <= limit, $"{table.Name}: f is {worstF.Ulp} ULP off at x = {worstF.X} (got {worstF.Actual}, exact {worstF.Exact})");
        Assert.True(worstD.Ulp <= limit, $"{table.Name}: f' is {worstD.Ulp} ULP off at x = {worstD.X} (got {worstD.Actual}, exact {worstD.Exact})");

        ShapesAgree(kernels, xs, f, d);
    }

    private static (double Ulp, string X, string Exact, string Actual) Worst<T>(
        ReferenceTable table, T[] actual, Func<ReferenceTable.Row, string> exact, Func<T, string, double> error)
    {
        var worst = (Ulp: -1.0, X: string.Empty, Exact: string.Empty, Actual: string.Empty);
        for (var i = 0; i < actual.Length; i++)
        {
            var e = error(actual[i], exact(table.Rows[i]));
            if (e > worst.Ulp)
            {
                worst = (e, table.Rows[i].X, exact(table.Rows[i]), actual[i]!.ToString()!);
            }
        }

        return worst;
    }

    /// <summary>Spans, in place, backward, fused and every vector width give exactly the scalar results.</summary>
    internal static void ShapesAgree<T>(IKernelSet<T> kernels, T[] xs, T[] f, T[] d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = xs.Length;
        var buffer = new T[n];
        kernels.Map(xs, buffer);
        AssertSame(f, buffer, "Map");
        kernels.MapDerivative(xs, buffer);
        AssertSame(d, buffer, "Map (Derivative = true)");

        xs.CopyTo(buffer, 0);
        kernels.InPlace(buffer);
        AssertSame(f, buffer, "in place");
        xs.CopyTo(buffer, 0);
        kernels.InPlaceDerivative(buffer);
        AssertSame(d, buffer, "in place (Derivative = true)");

        var random = new Random(12345);
        var gradOutput = Enumerable.Range(0, n).Select(_ => T.CreateTruncating(random.NextDouble() * 4 - 2)).ToArray();
        kernels.Backward(xs, gradOutput, buffer);
        AssertSame(gradOutput.Zip(d, (g, v) => g * v).ToArray(), buffer, "backward");

        var derivative = new T[n];
        kernels.Fused(xs, buffer, derivative);
        AssertSame(f, buffer, "fused f");
        AssertSame(d, derivative, "fused f'");

        AssertLanes(Vector128<T>.Count, xs, f, d, v => kernels.F128(Vector128.Create<T>(v)), v => kernels.D128(Vector128.Create<T>(v)), (v, i) => v.GetElement(i), "Vector128");
        AssertLanes(Vector256<T>.Count, xs, f, d, v => kernels.F256(Vector256.Create<T>(v)), v => kernels.D256(Vector256.Create<T>(v)), (v, i) => v.GetElement(i), "Vector256");
        AssertLanes(Vector512<T>.Count, xs, f, d, v => kernels.F512(Vector512.Create<T>(v)), v => kernels.D512(Vector512.Create<T>(v)), (v, i) => v.GetElement(i), "Vector512");
    }

    private static void AssertLanes<T, TVector>(int count, T[] xs, T[] f, T[] d, Func<T[], TVector> forward, Func<T[], TVector> derivative, Func<TVector, int, T> lane, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var start = 0; start + count <= xs.Length; start += count)
        {
            var chunk = xs.AsSpan(start, count).ToArray();
            var y = forward(chunk);
            var dy = derivative(chunk);
            for (var i = 0; i < count; i++)
            {
                AssertSame(f[start + i], lane(y, i), name + " f at x = " + chunk[i]);
                AssertSame(d[start + i], lane(dy, i), name + " f' at x = " + chunk[i]);
            }
        }
    }

    private static void AssertSame<T>(T[] expected, T[] actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < expected.Length; i++)
        {
            AssertSame(expected[i], actual[i], what + " at index " + i);
        }
    }

    private static void AssertSame<T>(T expected, T actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var same = T.IsNaN(expected) ? T.IsNaN(actual) : expected.Equals(actual) && T.IsNegative(expected) == T.IsNegative(actual);
        Assert.True(same, $"{what}: expected {expected}, got {actual}");
    }
}
