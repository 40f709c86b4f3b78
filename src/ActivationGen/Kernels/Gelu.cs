using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ActivationGen.Diagnostics;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// GELU, in the element type. Exact form: f(x) = x·Φ(x) with the lower tail Φ(-|x|) = e^(-x²/2)·M(|x|) (x² split
/// exactly, M a fit of the Mills ratio), Φ(x) = 1 - Φ(-x) for x ≥ 0, so the left tail keeps its digits;
/// f'(x) = Φ(x) + x·φ(x), with φ(x) = e^(-x²/2)/√(2π) from the same exponential. Tanh form: ½x(1 + tanh(v/2)) =
/// x·σ(v), v = 2√(2/π)(x + 0.044715x³) kept as a pair v + vLow (an error of v is a relative error of e^-|v|, the left
/// tail), σ from t = e^-|v|: f = (x ≥ 0 ? x : x·t) / (1 + t), one division; f'(x) = σ(v) + x·σ(v)σ(-v)·v'(x) =
/// (x ≥ 0 ? 1 + t + |x|v't : t(1 + t - |x|v')) / (1 + t)², one more division. Both derivatives vanish near x = -0.75,
/// where a fitted d·Q(d), d = x - x0, takes over (|d| &lt; 0.6). In float lanes the
/// exponentials are scaled by 2^8 (<see cref="SingleShift"/>) so that the tails keep their digits where the result is
/// normal and the exponential is not.
/// </summary>
internal sealed class Gelu : Activation
{
    /// <summary>The value of <c>GeluApproximation.Tanh</c> (<c>None</c> is 0).</summary>
    private const int TanhForm = 1;

    private static readonly Parameter Approximate = Parameter.Enum(
        "Approximate", "global::ActivationGen.GeluApproximation", ImmutableArray.Create("None", "Tanh"), 0, "The form of GELU. Default <see cref=\"GeluApproximation.None\"/> (exact).");

    public static readonly Gelu Instance = new();

    public override string Name => "Gelu";

    public override string Summary =>
        """
        the Gaussian error linear unit: f(x) = x·Φ(x) = ½x(1 + erf(x/√2)) (the left tail through erfc, so it keeps
        its digits), or with <c>Approximate = GeluApproximation.Tanh</c>, ½x(1 + tanh(√(2/π)(x + 0.044715x³)));
        with <see cref="Derivative"/>, the exact derivative of the chosen form.
        """;

    public override string Accuracy =>
        """
        At most 4 ULP from the exact result, or an
        absolute error of 1e-30 (float) / 1e-300 (double) where the exact result is smaller than that (the left tail underflows).
        """;

    public override ImmutableArray<Parameter> Parameters { get; } = ImmutableArray.Create(Approximate);

    public override string Types =>
        """
        /// <summary>The form of <see cref="GeluAttribute"/>.</summary>
        [global::Microsoft.CodeAnalysis.Embedded]
        internal enum GeluApproximation
        {
            /// <summary>The exact x·Φ(x).</summary>
            None = 0,

            /// <summary>½x(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
            Tanh = 1,
        }
        """;

    /// <summary>Approximate is a named GeluApproximation value.</summary>
    public override IEnumerable<ParameterProblem> Check(ActivationSpec spec)
    {
        if (spec[Approximate] is not (0 or TanhForm))
        {
            yield return new(DiagnosticDescriptors.ParameterOutOfRange, new[] { "Approximate" }, new object?[] { "Approximate", Parameter.Format(spec[Approximate]), "use GeluApproximation.None or GeluApproximation.Tanh" });
        }
    }

    /// <summary>
    /// Beyond |x| = 40 (exact form) or 1000 (tanh form) the tails are far below 1e-300, beyond 15 (exact form, float
    /// results) below float's smallest subnormal: |x| is clamped there.
    /// </summary>
    private const double ExactLimit = 40;

    /// <summary>The zero x0 = -0.75179… of exact GELU's f' = Φ(x) + x·φ(x), as a double pair.</summary>
    private const double ExactRootHi = -0.7517915246935645;
    private const double ExactRootLo = 1.4956759177009883E-17;

    /// <summary>Exact GELU's f'(x0 + d) = d·Q(d) for |d| ≤ 0.6: Q of degree 18 (relative error 7e-17), highest degree first.</summary>
    private static readonly double[] ExactRootFit =
    {
        1.7562879897975466E-09, -1.1650491274503813E-09, -3.5355526780646313E-08, -1.7676313937126184E-09, 5.702356887750598E-07,
        4.329086085999942E-07, -7.748451794705445E-06, -1.1214394961873585E-05, 8.615947726914578E-05, 0.0001863397483131801,
        -0.0007448268385633687, -0.002239538068245906, 0.0045392283791204115, 0.01942167983819681, -0.014771522148244235,
        -0.11400823329722187, -0.018199676398671087, 0.388284982990552, 0.4314939923140469,
    };

    /// <summary>The zero x0 = -0.75246… of tanh-form GELU's f', as a double pair.</summary>
    private const double TanhRootHi = -0.7524614220710163;
    private const double TanhRootLo = 3.635560509207687E-17;

    /// <summary>Tanh-form GELU's f'(x0 + d) = d·Q(d) for |d| ≤ 0.6: Q of degree 21 (relative error 2e-16), highest degree first.</summary>
    private static readonly double[] TanhRootFit =
    {
        1.4600512200146775E-09, -8.991045155395695E-09, -1.672791046520547E-08, 7.279664896924296E-08, 1.4145680974652207E-07,
        -4.29889781283684E-07, -9.89829523239744E-07, 2.4332162302379418E-06, 5.91860496383733E-06, -1.5950832860679398E-05,
        -3.4956170863314744E-05, 0.0001242522701566289, 0.0002639276404628979, -0.0009274420224161723, -0.0024227318458722273,
        0.005261059254894798, 0.019682309459833052, -0.016619328343051937, -0.11394448308095899, -0.015782853521848033,
        0.38751844613578895, 0.4304000910248585,
    };

    /// <summary>Exact GELU's f'(x0 + d) = d·Q(d) for |d| ≤ 0.6 in float lanes: Q of degree 9 (relative error 4.6e-8).</summary>
    private static readonly double[] ExactRootFitSingle =
    {
        0.00017647413f, -0.00067122123f, -0.0022364531f, 0.004516431f, 0.019421285f, -0.0147686135f, -0.11400822f, -0.018199807f, 0.38828498f, 0.431494f,
    };

    /// <summary>
    /// Tanh-form GELU's f'(x0 + d) = d·Q(d) for |d| ≤ 0.6 in float lanes: Q of degree 9 (relative error 5e-8).
    /// </summary>
    private static readonly double[] TanhRootFitSingle =
    {
        0.00023534571f, -0.00082343706f, -0.0024140067f, 0.005229057f, 0.019681204f, -0.016615257f, -0.11394443f, -0.015783036f, 0.38751844f, 0.4304001f,
    };

    /// <summary>
    /// Exact GELU near 0 in float lanes, where 1 - Φ(-|x|) would carry the tail's error at full size: Φ(x) = ½ + x·S(x²)
    /// for |x| &lt; 0.6 and f'(x) = ½ + x·T(x²) for |x| &lt; 0.35 (T = S + φ), degree 4 each (relative error 5e-8).
    /// </summary>
    private static readonly double[] SmallValueFit = { 0.00010727486f, -0.0011847916f, 0.009973233f, -0.06649037f, 0.3989423f };

    private static readonly double[] SmallSlopeFit = { 0.0011201996f, -0.0094949845f, 0.059841182f, -0.26596153f, 0.7978846f };

    /// <summary>Beyond |x| = 15 the exact form's tails are below float's smallest subnormal: |x| is clamped there.</summary>
    private const double ExactLimitSingle = 15;

    /// <summary>
    /// Float lanes scale e^(-x²/2) and e^-|v| by 2^8: where the left tail of f or f' is a normal float, the scaled
    /// exponential is too (|x| ≤ 13.3 resp. 10.2 there), so the products that follow round once.
    /// </summary>
    private const int SingleShift = 8;

    private const double TanhLimit = 1000;

    private const double InverseSqrtTwoPi = 0.3989422804014327;

    /// <summary>1/√(2π) - (float)(1/√(2π)): M(a) - a/√(2π) (exact f', x &lt; 0) cancels up to 2×, so a/√(2π) is not rounded first.</summary>
    private const double InverseSqrtTwoPiLowSingle = InverseSqrtTwoPi - (float)InverseSqrtTwoPi;

    /// <summary>v = Linear·x + Cubic·x³: 2√(2/π) and 2√(2/π)·0.044715, rounded to double.</summary>
    private const double Linear = 1.5957691216057308;

    private const double Cubic = 0.07135481627260025;

    private const double LinearLow = -9.96930880911092E-17;

    private const double CubicLow = -6.175149918155315E-19;

    public override string Describe(ActivationSpec spec) => IsTanh(spec)
        ? "GELU, tanh approximation: f(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³))); f'(x) is its exact derivative."
        : "GELU: f(x) = x·Φ(x) = ½x(1 + erf(x/√2)); f'(x) = Φ(x) + x·φ(x).";

    /// <summary>The element type: float lanes for float (their tails are handled above), double lanes for double.</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    /// <inheritdoc/>
    public override bool IsLong(ActivationSpec spec, bool withDerivative) => withDerivative || !IsTanh(spec);

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (IsTanh(spec))
        {
            WriteTanhSigmoid(writer, compute);
        }
        else
        {
            WriteExactTail(writer, compute);
        }
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        var single = compute == ElementType.Single;
        if (IsTanh(spec))
        {
            writer.Line(single
                ? "var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), x, -a * t * " + Unscale(compute) + ") / den; // (x ≥ 0 ? x : x·t) / (1 + t)"
                : "var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), x, -a) * sigmoid;");
        }
        else
        {
            if (single)
            {
                writer.Line("var tailScaledLow = {V}.FusedMultiplyAdd(eScaled, ratio, -tailScaled) + eScaled * ratioLow; // a·e·M(a) rounded once below");
            }

            writer.Line(single
                ? "var y = {V}.ConditionalSelect({V}.LessThan(a, " + Constant(0.6, compute) + "), x * {V}.FusedMultiplyAdd(x, " + Polynomial(SmallValueFit, "square", compute) + ", " + Constant(0.5, compute) + "), "
                    + "{V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), x * ({VD}.One - tail), -{V}.FusedMultiplyAdd(a, tailScaled, a * tailScaledLow) * " + Unscale(compute) + ")); // x·(½ + x·S(x²)) near 0 (-0 gives -0)"
                : "var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), x * ({VD}.One - tail), -a * tail);");
        }
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (IsTanh(spec))
        {
            WriteTanhSlope(writer, compute);
        }
        else
        {
            WriteExactSlope(writer, compute);
        }
    }

    private static bool IsTanh(ActivationSpec spec) => spec[Approximate] == TanhForm;

    /// <summary>A constant hi + lo as a pair of the compute type: the double pair, or the float nearest it and the rest.</summary>
    private static (double Hi, double Lo) Pair(double hi, double lo, ElementType compute) =>
        compute == ElementType.Double ? (hi, lo) : ((float)hi, (float)((hi - (float)hi) + lo));

    /// <summary>Horner's rule over <paramref name="variable"/> as one expression (coefficients highest degree first).</summary>
    private static string Polynomial(double[] coefficients, string variable, ElementType compute)
    {
        var text = Constant(coefficients[0], compute);
        for (var i = 1; i < coefficients.Length; i++)
        {
            text = "{V}.FusedMultiplyAdd(" + text + ", " + variable + ", " + Constant(coefficients[i], compute) + ")";
        }

        return text;
    }

    /// <summary>2^-SingleShift, which undoes the float lanes' scaling of the exponentials.</summary>
    private static string Unscale(ElementType compute) => Constant(Math.Pow(2, -SingleShift), compute);

    private static void WriteExactTail(CodeWriter writer, ElementType compute)
    {
        if (compute == ElementType.Single)
        {
            writer.Line("var a = {V}.Min({V}.Abs(x), " + Constant(ExactLimitSingle, compute) + ");");
            writer.Line("var square = a * a;");
            writer.Line($"var ratio = {{M}}.NormalTailRatio(a, {SingleShift}, out var eScaled, out var ratioLow); // Φ(-a) = e·(ratio + ratioLow), e = e^(-a²/2) = eScaled·2^-{SingleShift}");
            writer.Line("var tailScaled = eScaled * ratio;");
            writer.Line("var tail = tailScaled * " + Unscale(compute) + ";");
        }
        else
        {
            writer.Line("var a = {V}.Min({V}.Abs(x), " + Constant(ExactLimit, compute) + ");");
            writer.Line("var ratio = {M}.NormalTailRatio(a, out var e); // Φ(-a) = e·ratio, e = e^(-a²/2)");
            writer.Line("var tail = e * ratio;");
        }
    }

    private static void WriteExactSlope(CodeWriter writer, ElementType compute)
    {
        writer.Line("var scaled = a * " + Constant(InverseSqrtTwoPi, compute) + "; // a·φ(a) = scaled·e");
        if (compute == ElementType.Single)
        {
            var slope = "{V}.ConditionalSelect({V}.LessThan(a, " + Constant(0.35, compute) + "), {V}.FusedMultiplyAdd(x, " + Polynomial(SmallSlopeFit, "square", compute) + ", " + Constant(0.5, compute) + "), "
                + "{V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), {V}.FusedMultiplyAdd(scaled, eScaled * " + Unscale(compute) + ", {VD}.One - tail), eScaled * {V}.FusedMultiplyAdd(-a, " + Constant(InverseSqrtTwoPiLowSingle, compute) + ", {V}.FusedMultiplyAdd(-a, " + Constant((float)InverseSqrtTwoPi, compute) + ", ratio)) * " + Unscale(compute) + "))";
            WriteSlopeNearRoot(writer, (ExactRootHi, ExactRootLo), ExactRootFitSingle, 0.6, slope, compute);
        }
        else
        {
            var slope = "{V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), {V}.FusedMultiplyAdd(scaled, e, {VD}.One - tail), e * (ratio - scaled))";
            WriteSlopeNearRoot(writer, (ExactRootHi, ExactRootLo), ExactRootFit, 0.6, slope, compute);
        }
    }

    private static void WriteTanhSigmoid(CodeWriter writer, ElementType compute)
    {
        writer.Line("var a = {V}.Min({V}.Abs(x), " + Constant(TanhLimit, compute) + ");");
        WriteTanhArgument(writer, compute);
        if (compute == ElementType.Single)
        {
            writer.Line($"var t = {{M}}.ExpNonPositive(-v, -vLow, {SingleShift}); // e^-|v|·2^{SingleShift}");
            writer.Line("var den = {VD}.One + t * " + Unscale(compute) + "; // 1 + e^-|v|");
        }
        else
        {
            writer.Line("var t = {M}.Exp(-v, -vLow, 0); // e^-|v|");
            writer.Line("var sigmoid = " + SigmoidFromExp("x", "t") + "; // σ(v)");
        }
    }

    /// <summary>
    /// v = 2√(2/π)·(a + 0.044715·a³) for 0 ≤ a ≤ 1000 (the decimal 0.044715 taken exactly) as a pair v + vLow of the
    /// compute type, so e^-v keeps its digits deep into the left tail (an error of v is an absolute error of ln e^-v).
    /// </summary>
    private static void WriteTanhArgument(CodeWriter writer, ElementType compute)
    {
        var linear = Pair(Linear, LinearLow, compute);
        var cubic = Pair(Cubic, CubicLow, compute);
        writer.Line("var c1 = " + Constant(linear.Hi, compute) + "; // 2√(2/π) = c1 + c1Low");
        writer.Line("var c1Low = " + Constant(linear.Lo, compute) + ";");
        writer.Line("var c3 = " + Constant(cubic.Hi, compute) + "; // 2√(2/π)·0.044715 = c3 + c3Low");
        writer.Line("var c3Low = " + Constant(cubic.Lo, compute) + ";");
        writer.Line("var square = a * a;");
        writer.Line("var squareLow = {V}.FusedMultiplyAdd(a, a, -square);");
        writer.Line("var cubic = c3 * square; // c3·a² = cubic + cubicLow");
        writer.Line("var cubicLow = {V}.FusedMultiplyAdd(c3, square, -cubic) + {V}.FusedMultiplyAdd(c3, squareLow, c3Low * square);");
        writer.Line("var sum = c1 + cubic; // c1 + c3·a² = sum + sumLow (two-sum)");
        writer.Line("var b = sum - c1;");
        writer.Line("var sumLow = ((c1 - (sum - b)) + (cubic - b)) + (c1Low + cubicLow);");
        writer.Line("var v = a * sum; // |v| = v + vLow");
        writer.Line("var vLow = {V}.FusedMultiplyAdd(a, sum, -v) + a * sumLow;");
    }

    private static void WriteTanhSlope(CodeWriter writer, ElementType compute)
    {
        writer.Line("var slope = {V}.FusedMultiplyAdd(" + Constant(3 * Cubic, compute) + ", " + (compute == ElementType.Single ? "square" : "a * a") + ", " + Constant(Linear, compute) + "); // v'(x)");
        if (compute == ElementType.Single)
        {
            // One quotient: (x ≥ 0 ? 1 + t + a·v'·t : t·(1 + t - a·v')) / (1 + t)². For x < 0, 1 + t - a·v' with
            // a·v' = v + 2a·c3a² from the pairs above: (1 - v - vLow) - 2a·cubic rounded once, then + t (rounding a·v'
            // itself would cost more: the difference magnifies it up to 3× beyond the fit around the zero). The product
            // by t and the quotient are carried as if rounded once (residual of p / (1 + t)² with (1 + t)² as a pair):
            // rounded step by step they reached 4.8 ULP where f' is just below a power of two.
            writer.Line("var tUnscaled = t * " + Unscale(compute) + ";");
            writer.Line("var nonNegative = {V}.GreaterThanOrEqual(x, {VD}.Zero);");
            writer.Line("var factor = {V}.FusedMultiplyAdd(-(a + a), cubic, ({VD}.One - v) - vLow) + tUnscaled; // 1 + t - a·v' (x < 0)");
            writer.Line("var p = {V}.ConditionalSelect(nonNegative, {V}.FusedMultiplyAdd(a * slope, tUnscaled, den), t * factor); // numerator (x < 0: scaled)");
            writer.Line("var pLow = {V}.ConditionalSelect(nonNegative, {VD}.Zero, {V}.FusedMultiplyAdd(t, factor, -p));");
            writer.Line("var denLow = ({VD}.One - den) + tUnscaled; // 1 + t = den + denLow");
            writer.Line("var q = den * den; // (1 + t)² = q + qLow");
            writer.Line("var qLow = {V}.FusedMultiplyAdd(den, den, -q) + (den + den) * denLow;");
            writer.Line("var r = {VD}.One / q;");
            writer.Line("var y0 = p * r;");
            writer.Line("var residual = {V}.FusedMultiplyAdd(-y0, q, p) + (pLow - y0 * qLow); // p + pLow - y0·(q + qLow)");
            var elsewhere = "{V}.FusedMultiplyAdd(residual, r, y0) * {V}.ConditionalSelect(nonNegative, {VD}.One, " + Unscale(compute) + ")";
            WriteSlopeNearRoot(writer, (TanhRootHi, TanhRootLo), TanhRootFitSingle, 0.6, elsewhere, compute);
        }
        else
        {
            writer.Line("var signedA = {V}.CopySign(a, x);");
            var elsewhere = "{V}.FusedMultiplyAdd(signedA * slope, {M}.DivideByOnePlusSquared(t), sigmoid)";
            WriteSlopeNearRoot(writer, (TanhRootHi, TanhRootLo), TanhRootFit, 0.6, elsewhere, compute);
        }
    }
}
