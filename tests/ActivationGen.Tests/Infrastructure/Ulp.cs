using System;
using System.Globalization;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>Error in units in the last place against the correctly rounded value of an exact decimal.</summary>
public static class Ulp
{
    public const float SingleMinNormal = 1.17549435E-38f;
    public const double DoubleMinNormal = 2.2250738585072014E-308;

    /// <summary>
    /// The error of <paramref name="actual"/> against <paramref name="exact"/> (a decimal string), in ULP of the
    /// correctly rounded result; 0 when both are the same infinity; +∞ for a NaN that should not be. Where the
    /// exact result is below the smallest normal float, an absolute error up to that smallest normal counts as 0
    /// (API.md's rule), and more than that counts as +∞.
    /// </summary>
    public static double Error(float actual, string exact)
    {
        var rounded = float.Parse(exact, CultureInfo.InvariantCulture);
        var precise = double.Parse(exact, CultureInfo.InvariantCulture);
        if (float.IsNaN(actual))
        {
            return double.PositiveInfinity;
        }

        if (Math.Abs(precise) < SingleMinNormal)
        {
            return Math.Abs(actual - precise) <= SingleMinNormal ? 0 : double.PositiveInfinity;
        }

        return Distance(Ordered(actual), Ordered(rounded));
    }

    public static double Error(double actual, string exact)
    {
        var rounded = double.Parse(exact, CultureInfo.InvariantCulture);
        if (double.IsNaN(actual))
        {
            return double.PositiveInfinity;
        }

        if (Math.Abs(rounded) < DoubleMinNormal * 0.999)
        {
            return Math.Abs(actual - rounded) <= DoubleMinNormal ? 0 : double.PositiveInfinity;
        }

        return Distance(Ordered(actual), Ordered(rounded));
    }

    private static long Ordered(float value)
    {
        var bits = BitConverter.SingleToInt32Bits(value);
        return bits < 0 ? int.MinValue - (long)bits : bits;
    }

    private static long Ordered(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits < 0 ? long.MinValue - bits : bits;
    }

    private static double Distance(long a, long b) => (double)Int128.Abs((Int128)a - b);
}
