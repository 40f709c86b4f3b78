using System.Collections.Generic;
using System.Collections.Immutable;
using ActivationGen.Diagnostics;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// GELU, computed in double. Exact form: f(x) = x·Φ(x) with the lower tail Φ(-|x|) = e^(-x²/2)·M(|x|) (x² split
/// exactly, M a fit of the Mills ratio), Φ(x) = 1 - Φ(-x) for x ≥ 0, so the left tail keeps its digits;
/// f'(x) = Φ(x) + x·φ(x), with φ(x) = e^(-x²/2)/√(2π) from the same exponential. Tanh form: ½x(1 + tanh(v/2)) =
/// x·σ(v), v = 2√(2/π)(x + 0.044715x³) kept as a double pair, σ from e^-|v| without cancellation;
/// f'(x) = σ(v) + x·σ(v)σ(-v)·v'(x). Both derivatives vanish near x = -0.75, where a fitted d·Q(d), d = x - x0, takes
/// over. A float result needs less: v in plain double, a lower-degree Mills fit, and in the tanh form no fit around the
/// zero (the cancellation there costs an absolute 1e-16, a third of a float ULP at the nearest float to x0).
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

    private const double ExactLimitSingle = 15;

    private const double TanhLimit = 1000;

    private const double InverseSqrtTwoPi = 0.3989422804014327;

    /// <summary>v = Linear·x + Cubic·x³: 2√(2/π) and 2√(2/π)·0.044715, rounded to double.</summary>
    private const double Linear = 1.5957691216057308;

    private const double Cubic = 0.07135481627260025;

    public override string Describe(ActivationSpec spec) => IsTanh(spec)
        ? "GELU, tanh approximation: f(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³))); f'(x) is its exact derivative."
        : "GELU: f(x) = x·Φ(x) = ½x(1 + erf(x/√2)); f'(x) = Φ(x) + x·φ(x).";

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        if (IsTanh(spec))
        {
            WriteTanhSigmoid(writer, element, compute);
        }
        else
        {
            WriteExactTail(writer, element, compute);
        }
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        writer.Line(IsTanh(spec)
            ? "var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), x, -a) * sigmoid;"
            : "var y = {V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), x * ({VD}.One - tail), -a * tail);");

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        if (IsTanh(spec))
        {
            WriteTanhSlope(writer, element, compute);
        }
        else
        {
            WriteExactSlope(writer, compute);
        }
    }

    private static bool IsTanh(ActivationSpec spec) => spec[Approximate] == TanhForm;

    private static void WriteExactTail(CodeWriter writer, ElementType element, ElementType compute)
    {
        var single = element == ElementType.Single;
        writer.Line("var a = {V}.Min({V}.Abs(x), " + Constant(single ? ExactLimitSingle : ExactLimit, compute) + ");");
        writer.Line("var ratio = {M}." + (single ? "NormalTailRatioSingle" : "NormalTailRatio") + "(a, out var e); // Φ(-a) = e·ratio, e = e^(-a²/2)");
        writer.Line("var tail = e * ratio;");
    }

    private static void WriteExactSlope(CodeWriter writer, ElementType compute)
    {
        writer.Line("var scaled = a * " + Constant(InverseSqrtTwoPi, compute) + "; // a·φ(a) = scaled·e");
        var slope = "{V}.ConditionalSelect({V}.GreaterThanOrEqual(x, {VD}.Zero), {V}.FusedMultiplyAdd(scaled, e, {VD}.One - tail), e * (ratio - scaled))";
        // Always the fit around the zero here: the Mills fit of float results (relative 1e-10) would not survive the cancellation.
        WriteSlopeNearRoot(writer, (ExactRootHi, ExactRootLo), ExactRootFit, 0.6, slope, compute);
    }

    private static void WriteTanhSigmoid(CodeWriter writer, ElementType element, ElementType compute)
    {
        writer.Line("var a = {V}.Min({V}.Abs(x), " + Constant(TanhLimit, compute) + ");");
        if (element == ElementType.Single)
        {
            writer.Line("var v = a * {V}.FusedMultiplyAdd(" + Constant(Cubic, compute) + ", a * a, " + Constant(Linear, compute) + "); // |v|");
            writer.Line("var t = {M}.Exp(-v, 0); // e^-|v|");
        }
        else
        {
            WriteTanhArgument(writer);
            writer.Line("var t = {M}.Exp(-v, -vLow, 0); // e^-|v|");
        }

        writer.Line("var sigmoid = " + SigmoidFromExp("x", "t") + "; // σ(v)");
    }

    /// <summary>
    /// v = 2√(2/π)·(a + 0.044715·a³) for 0 ≤ a ≤ 1000 (the decimal 0.044715 taken exactly) as a double pair v + vLow, so
    /// e^-v keeps its digits deep into the left tail (an error of v is an absolute error of ln e^-v). Double lanes.
    /// </summary>
    private static void WriteTanhArgument(CodeWriter writer)
    {
        writer.Line("var c1 = {V}.Create(1.5957691216057308); // 2√(2/π) = c1 + c1Low");
        writer.Line("var c1Low = {V}.Create(-9.96930880911092E-17);");
        writer.Line("var c3 = {V}.Create(0.07135481627260025); // 2√(2/π)·0.044715 = c3 + c3Low");
        writer.Line("var c3Low = {V}.Create(-6.175149918155315E-19);");
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

    private static void WriteTanhSlope(CodeWriter writer, ElementType element, ElementType compute)
    {
        writer.Line("var slope = {V}.FusedMultiplyAdd(" + Constant(3 * Cubic, compute) + ", a * a, " + Constant(Linear, compute) + "); // v'(x)");
        writer.Line("var signedA = {V}.CopySign(a, x);");
        var elsewhere = "{V}.FusedMultiplyAdd(signedA * slope, {M}.DivideByOnePlusSquared(t), sigmoid)";
        if (element == ElementType.Single)
        {
            writer.Line("var dy = " + elsewhere + ";");
        }
        else
        {
            WriteSlopeNearRoot(writer, (TanhRootHi, TanhRootLo), TanhRootFit, 0.6, elsewhere, compute);
        }
    }
}
