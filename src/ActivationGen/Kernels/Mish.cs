using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Mish: f(x) = x·tanh(softplus(x)) from one exponential s = e^-|x|, in the element type. With t = e^x (x ≤ 0),
/// tanh(ln(1 + t)) = n / (n + 2), n = t(t + 2); with u = e^-x (x &gt; 0), it is (1 + 2u) / (1 + 2u + 2u²): no overflow
/// and no cancellation. f'(x) = tanh(softplus(x)) + x·sech²(softplus(x))·σ(x): for x &gt; 0 a sum of positive terms,
/// for x ≤ 0 the single fraction t·(4(1 + x) + t(6 + 4x) + 4t² + t³) / (n + 2)², and within 0.6 of its zero
/// x ≈ -1.1924 (double lanes; float lanes: from 0.4 below it up to x = 0) a fitted d·Q(d), d = x - x0, so its relative accuracy holds there too. Double
/// lanes take the fractions with compensated quotients; float lanes one quotient each for f and f' (numerator and
/// denominator selected by the sign of x), with the exponential scaled by 2^8 for the far left tail.
/// </summary>
internal sealed class Mish : Activation
{
    public static readonly Mish Instance = new();

    public override string Name => "Mish";

    public override string Summary =>
        """
        mish: f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + e^x)), without overflow;
        with <see cref="Derivative"/>, its exact derivative.
        """;

    public override string Accuracy =>
        """
        At most 4 ULP from the exact result, or an absolute error of 1e-30 (float) /
        1e-300 (double) where the exact result is smaller than that (the left tail underflows).
        """;

    /// <summary>The zero x0 = -1.19243… of f' as a double pair.</summary>
    private const double RootHi = -1.1924312145154952;
    private const double RootLo = -4.8484829848031044E-17;

    /// <summary>f'(x0 + d) = d·Q(d) for |d| ≤ 0.6: Q of degree 21 (relative error 7e-17), highest degree first.</summary>
    private static readonly double[] RootFit =
    {
        1.6235719699259118E-10, 2.770967026712696E-09, 6.654918360307832E-09, -4.941492142206513E-09, -6.187052985127551E-08,
        -1.414263774947213E-07, 2.6916962424516343E-08, 1.0717533782481672E-06, 2.908812744210723E-06, 9.427212940900266E-07,
        -1.7299269923867086E-05, -5.582891383223581E-05, -4.1961496099885436E-05, 0.00025412936371959765, 0.0009898181021319823,
        0.0010924055409509976, -0.0033606849270233392, -0.01582112656173353, -0.020271822716684245, 0.04190782104360988,
        0.20473126408010586, 0.2669479140495345,
    };

    /// <summary>Beyond this |x| the exponential terms vanish; x is clamped there where it multiplies one of them.</summary>
    private const double Limit = 1000;

    /// <summary>
    /// f'(x0 + d) = d·Q(d) for -0.4 ≤ d ≤ 1.2 (up to x = 0) in float lanes: Q of degree 10 (relative error 9e-8). Between
    /// the zero and 0 the general fraction's roundings add up to 5 ULP.
    /// </summary>
    private static readonly double[] RootFitSingle =
    {
        -1.3938207E-05f, -0.0002053723f, 0.00040039912f, 0.00098354f, 0.0010452913f, -0.003347621f, -0.015816428f, -0.020273356f, 0.041907646f,
        0.2047313f, 0.26694793f,
    };

    /// <summary>
    /// Float lanes scale e^-|x| by 2^8: where x·e^x (the left tail of f and f') is a normal float, the scaled exponential
    /// is normal too, so the products that follow round once.
    /// </summary>
    private const int SingleShift = 8;

    public override string Describe(ActivationSpec spec) =>
        "Mish: f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + e^x)); f'(x) = tanh(softplus(x)) + x·sech²(softplus(x))·σ(x).";

    /// <summary>The element type: float lanes for float (one quotient each for f and f'), double lanes for double.</summary>
    public override ElementType ComputeType(ActivationSpec spec, ElementType element) => element;

    /// <inheritdoc/>
    public override bool IsLong(ActivationSpec spec, bool withDerivative) => withDerivative;

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (compute == ElementType.Single)
        {
            // tanh(softplus(x)) = num / den: for x > 0, (1 + 2u) / (1 + 2u + 2u²) with u = e^-x; for x ≤ 0, n / (n + 2) with
            // t = e^x and n = t(t + 2), kept scaled by 2^8 (n·2^8 / (n·2^8 + 2^9)) for the far left tail.
            writer.Line($"var s = {{M}}.ExpNonPositive(-{{V}}.Abs(x), {SingleShift}); // e^-|x|·2^{SingleShift}");
            writer.Line("var u = s * " + Constant(Math.Pow(2, -SingleShift), compute) + "; // e^-|x|");
            writer.Line("var twice = u + u;");
            writer.Line("var one = {VD}.One + twice; // x > 0: 1 + 2u");
            writer.Line("var den = {V}.FusedMultiplyAdd(twice, u, one); // x > 0: 1 + 2u + 2u²");
            writer.Line("var n = {V}.FusedMultiplyAdd(s, u, s + s); // x ≤ 0: n·2^8 = t(t + 2)·2^8");
            writer.Line("var nDen = n + " + Constant(Math.Pow(2, SingleShift + 1), compute) + "; // x ≤ 0: (n + 2)·2^8");
            return;
        }

        writer.Line("var s = {M}.Exp(-{V}.Abs(x), 0); // e^-|x|: t = e^x for x ≤ 0, u = e^-x for x > 0");
        writer.Line("var twice = s + s;");
        writer.Line("var halfN = {V}.FusedMultiplyAdd(s, s, twice) * " + Constant(0.5, compute) + "; // n / 2, n = t² + 2t = (1 + t)² - 1");
        writer.Line("var q = twice * s; // 2u²");
        writer.Line("var den = {V}.FusedMultiplyAdd(twice, s, {VD}.One + twice); // 1 + 2u + 2u²");
        writer.Line("var tanhPositive = {VD}.One - q / den;");
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (compute == ElementType.Single)
        {
            writer.Line("var y = {V}.Max(x, " + Constant(-Limit, compute) + ") * {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), one, n) / {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), den, nDen); // -∞ gives -0, not ∞·0");
            return;
        }

        writer.Line("var tanhSoftplus = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), tanhPositive, {M}.DivideByOnePlus(halfN, halfN));");
        writer.Line("var y = {V}.Max(x, " + Constant(-Limit, compute) + ") * tanhSoftplus; // -∞ gives -0, not ∞·0");
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        writer.Line("var xd = {V}.Min({V}.Max(x, " + Constant(-Limit, compute) + "), " + Constant(Limit, compute) + ");");
        if (compute == ElementType.Single)
        {
            // One quotient: x > 0: ((1 + 2u)·D + 4x·u²(1 + u)) / D², D = 1 + 2u + 2u²; x ≤ 0: t·P / (n + 2)², scaled by 2^8, with
            // (n + 2)² = n² + 4n + 4 rounded once.
            writer.Line("var four = " + Constant(4, compute) + ";");
            writer.Line("var positive = {V}.FusedMultiplyAdd(one, den, (four * xd) * (u * u) * ({VD}.One + u));");
            writer.Line("var poly = {V}.FusedMultiplyAdd({V}.FusedMultiplyAdd(u + four, u, {V}.FusedMultiplyAdd(four, xd, " + Constant(6, compute) + ")), u, four * ({VD}.One + xd));");
            writer.Line("var negative = s * poly * " + Constant(Math.Pow(2, SingleShift), compute) + "; // t·P·2^16, over ((n + 2)·2^8)²");
            var slopeSingle = "{V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), positive, negative) / {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), den * den, {V}.FusedMultiplyAdd(n, n + " + Constant(Math.Pow(2, SingleShift + 2), compute) + ", " + Constant(Math.Pow(2, 2 * SingleShift + 2), compute) + "))";
            WriteSlopeNearRoot(writer, (RootHi, RootLo), RootFitSingle, 0.8, slopeSingle, compute, center: 0.4);
            return;
        }

        writer.Line("var dyPositive = tanhPositive + (xd + xd) * ({VD}.One + s) * q / (den * den);");
        writer.Line("var four = " + Constant(4, compute) + ";");
        writer.Line("var poly = {V}.FusedMultiplyAdd({V}.FusedMultiplyAdd(s + four, s, {V}.FusedMultiplyAdd(four, xd, " + Constant(6, compute) + ")), s, four * ({VD}.One + xd));");
        writer.Line("var dyNegative = {M}.DivideByOnePlusSquared(s * poly * " + Constant(0.25, compute) + ", halfN); // t·P / (n + 2)²");
        WriteSlopeNearRoot(writer, (RootHi, RootLo), RootFit, 0.6, "{V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), dyPositive, dyNegative)", compute);
    }
}
