using System;

namespace ActivationGen.Accuracy;

/// <summary>The error of a float result against a double reference, in float ULP (fractional).</summary>
internal static class UlpMeasure
{
    /// <summary>The smallest normal float, 2^-126.</summary>
    public const double MinNormal = 1.1754943508222875E-38;

    /// <summary>
    /// How many float steps <paramref name="actual"/> is from <paramref name="exact"/> (finite), counting the steps
    /// on the float grid: the reference sits between two adjacent floats lo ≤ exact ≤ hi, at the fraction
    /// (exact - lo)/(hi - lo) of that gap, and the error is the distance from there to <paramref name="actual"/>'s
    /// place on the grid. Within one binade this is |actual - exact| / ulp_float(exact); across a power of two it
    /// counts each step in its own size, so one float below 2^k counts as one step, not half of one.
    /// </summary>
    /// <remarks>
    /// Against the exactly rounded result R (|R - exact| ≤ 1/2 step), the integer ULP distance d = |actual - R| in
    /// steps satisfies |d - error| ≤ 1/2. So "at most 4 ULP from the exactly rounded result" is "error ≤ 4.5", up to
    /// a tie exactly at 4.5. The double reference is within ~1e-13 relative of the exact value (~2e-6 of a step),
    /// so the measured error is within that much of the true one, also in the near-half-way cases where rounding the
    /// reference to float could pick the other neighbor of the exact value.
    /// </remarks>
    public static double Steps(float actual, double exact) => Steps(actual, exact, out _);

    /// <inheritdoc cref="Steps(float, double)"/>
    /// <param name="actual">The float result.</param>
    /// <param name="exact">The finite reference.</param>
    /// <param name="rounded">The integer ULP distance between <paramref name="actual"/> and the reference rounded to float.</param>
    public static double Steps(float actual, double exact, out long rounded)
    {
        var nearest = (float)exact;
        if (float.IsInfinity(nearest))
        {
            // exact beyond float.MaxValue with a finite result (overflowing Selu or Celu near it): measure against
            // the largest finite float with steps of its size.
            nearest = MathF.CopySign(float.MaxValue, nearest);
        }

        // The neighbor of `nearest` on the side of `exact`, found on the ordered integer line; the gap between the
        // two is the size of the float step that `exact` sits in.
        var place = Ordered(nearest);
        var offset = exact - nearest;
        var neighbor = FromOrdered(offset >= 0 ? place + 1 : place - 1);
        var gap = Math.Abs((double)neighbor - nearest);
        if (double.IsInfinity(gap))
        {
            // Above float.MaxValue: continue with the size of the last finite step.
            gap = Math.Abs(nearest - (double)FromOrdered(place > 0 ? place - 1 : place + 1));
        }

        var position = place + offset / gap;
        var a = Ordered(actual);
        rounded = Math.Abs(a - place);
        return Math.Abs(a - position);
    }

    /// <summary>The float's place on a monotonic integer line: ..., -ε → -1, ±0 → 0, ε → 1, ...</summary>
    public static long Ordered(float value)
    {
        var bits = BitConverter.SingleToInt32Bits(value);
        return bits < 0 ? int.MinValue - (long)bits : bits;
    }

    /// <summary>The inverse of <see cref="Ordered"/>.</summary>
    public static float FromOrdered(long place) =>
        BitConverter.Int32BitsToSingle(place >= 0 ? (int)place : (int)(int.MinValue - place));
}
