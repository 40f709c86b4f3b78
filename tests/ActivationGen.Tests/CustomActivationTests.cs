using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using ActivationGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ActivationGen.Tests;

/// <summary>
/// The 13 definitions of CUSTOM.md, written as the user writes them (<c>public static double Definition(double x) =&gt; …</c>
/// with <c>[Activation(nameof(Definition))]</c> on every shape), against the committed mpmath tables of Reference/Custom
/// (make_custom_reference.py): f within 4 ULP (float) and 8 ULP (double), f' within 8 ULP, with CUSTOM.md's absolute
/// floors (1e-30 float, 1e-300 double) and, near a zero of f', an absolute error of 8 ULP of the terms that cancel there
/// (of size up to 1 for these definitions). Every shape gives the scalar method's bits.
/// </summary>
[Trait("Category", "Execution")]
public class CustomActivationTests(ITestOutputHelper output)
{
    /// <summary>The definitions whose f' has a zero at a finite x, where the sum of its terms cancels.</summary>
    private static readonly string[] WithSlopeZero = { "swish", "naive_mish", "naive_gelu_tanh", "naive_gelu" };

    public static IEnumerable<object[]> SingleTables => Names("float");

    public static IEnumerable<object[]> DoubleTables => Names("double");

    [Theory]
    [MemberData(nameof(SingleTables))]
    public void Float_definition_within_contract(string table) => Check<float>(table, 4, 1e-30);

    [Theory]
    [MemberData(nameof(DoubleTables))]
    public void Double_definition_within_contract(string table) => Check<double>(table, 8, 1e-300);

    private static IEnumerable<object[]> Names(string type) =>
        Directory.GetFiles(Path.Combine(ReferenceTable.Folder, "Custom"), "*_" + type + ".csv")
            .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) })
            .OrderBy(n => (string)n[0], StringComparer.Ordinal);

    private void Check<T>(string name, double limitF, double floor)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var table = ReferenceTable.Load("Custom/" + name);
        var kernels = KernelCache.Get<T>("Activation(nameof(Definition))", $"public static double Definition(double x) => {table.Attribute};");
        var xs = table.Rows.Select(r => ReferenceTable.Row.Parse<T>(r.X)).ToArray();
        var f = xs.Select(kernels.F).ToArray();
        var d = xs.Select(kernels.D).ToArray();
        var cancels = WithSlopeZero.Any(id => name.StartsWith("custom_" + id + "_", StringComparison.Ordinal));

        var worstF = Worst(table, xs, f, r => r.F, floor, cancelling: false);
        var worstD = Worst(table, xs, d, r => r.D, floor, cancels);
        output.WriteLine($"{name} [{table.Attribute}]: f max {worstF.Ulp:0.##} ULP at x = {worstF.X}; f' max {worstD.Ulp:0.##} ULP at x = {worstD.X}");
        Assert.True(worstF.Ulp <= limitF, $"{name}: f is {worstF.Ulp} ULP off at x = {worstF.X} (got {worstF.Actual}, exact {worstF.Exact})");
        Assert.True(worstD.Ulp <= 8, $"{name}: f' is {worstD.Ulp} ULP off at x = {worstD.X} (got {worstD.Actual}, exact {worstD.Exact})");

        AccuracyTests.ShapesAgree(kernels, xs, f, d);
    }

    private static (double Ulp, string X, string Exact, string Actual) Worst<T>(
        ReferenceTable table, T[] xs, T[] actual, Func<ReferenceTable.Row, string> exact, double floor, bool cancelling)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var worst = (Ulp: -1.0, X: string.Empty, Exact: string.Empty, Actual: string.Empty);
        for (var i = 0; i < actual.Length; i++)
        {
            var text = exact(table.Rows[i]);
            var e = Error(actual[i], text, floor, cancelling && T.Abs(xs[i]) <= T.CreateTruncating(2));
            if (e > worst.Ulp)
            {
                worst = (e, table.Rows[i].X, text, actual[i].ToString(null, CultureInfo.InvariantCulture));
            }
        }

        return worst;
    }

    /// <summary>
    /// The ULP error, 0 where the exact value is below <paramref name="floor"/> and the error within it, and, where
    /// <paramref name="cancelling"/>, the error in ULP of 1 (the size of the terms) when that is smaller.
    /// </summary>
    private static double Error<T>(T actual, string exact, double floor, bool cancelling)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var precise = double.Parse(exact, CultureInfo.InvariantCulture);
        var value = double.CreateTruncating(actual);
        if (T.IsNaN(actual))
        {
            return double.PositiveInfinity;
        }

        if (Math.Abs(precise) < floor)
        {
            return Math.Abs(value - precise) <= floor ? 0 : double.PositiveInfinity;
        }

        var ulp = typeof(T) == typeof(float) ? Ulp.Error((float)(object)actual, exact) : Ulp.Error((double)(object)actual, exact);
        if (cancelling)
        {
            var unit = typeof(T) == typeof(float) ? Math.Pow(2, -23) : Math.Pow(2, -52);
            ulp = Math.Min(ulp, Math.Abs(value - precise) / unit);
        }

        return ulp;
    }
}
