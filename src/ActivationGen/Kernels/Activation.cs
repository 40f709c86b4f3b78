using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// One activation: every fact the generator knows about it, in its own file. The facts (attribute name, parameters,
/// doc text, FromOutput support, checks beyond the parameters' ranges) make the attribute source, the parser's lookup
/// and the diagnostics; the math is written once over lanes of the compute type (<see cref="ComputeType"/>: the element
/// type itself where that keeps the accuracy contract, else double) and rendered by the emitter for 128-, 256- and
/// 512-bit vectors (the scalar method runs the 128-bit rendering on one lane), which keeps every shape bit-identical.
/// </summary>
/// <remarks>
/// The math is three pieces: <see cref="WriteShared"/> (statements f and f' both use), <see cref="WriteValue"/>
/// (ends by declaring <c>y</c>) and <see cref="WriteSlope"/> (ends by declaring <c>dy</c>). f is shared + value, f' is
/// shared + slope, and the fused shape is shared + value + slope, so the fused f' has exactly the value of the separate
/// one. Statements use three tokens: <c>{V}</c> (the static vector class), <c>{VD}</c> (the vector type of the compute
/// type) and <c>{M}</c> (ActivationGen's math helpers, overloaded for float and double); the input is <c>x</c>.
/// NaN lanes need no care: the emitted operator returns a NaN input unchanged (MethodEmitter.WriteInvoke). Signed zeros
/// do: f(±0) and f'(±0) must have the sign IEEE arithmetic gives the README's formula there (README, "Signed zeros and NaN").
/// </remarks>
internal abstract class Activation
{
    /// <summary>Which of f and f' the shared statements serve.</summary>
    [System.Flags]
    protected enum Parts
    {
        Value = 1,
        Slope = 2,
        Both = Value | Slope,
    }

    /// <summary>The attribute's name without <c>Attribute</c>, also the activation's name in messages.</summary>
    public abstract string Name { get; }

    public string AttributeMetadataName => "ActivationGen." + Name + "Attribute";

    /// <summary>The attribute's doc summary after "Implements a <c>partial</c> method as " (XML).</summary>
    public abstract string Summary { get; }

    /// <summary>The accuracy sentence of the attribute's remarks.</summary>
    public virtual string Accuracy => "At most 4 ULP from the exact result.";

    /// <summary>Rules between parameters for the attribute's remarks (e.g. "Min &lt; Max"), or null.</summary>
    public virtual string? Rules => null;

    /// <summary>The attribute's parameters besides Derivative and FromOutput, in the order the attribute declares them.</summary>
    public virtual ImmutableArray<Parameter> Parameters => ImmutableArray<Parameter>.Empty;

    /// <summary>Types the attribute needs (an enum of its parameter), emitted with the attributes, or null.</summary>
    public virtual string? Types => null;

    /// <summary>
    /// Whether the derivative follows from the output (FromOutput = true): null when it never does, empty when it always
    /// does, else the condition on the parameters (for the docs and AGEN0015).
    /// </summary>
    public virtual string? FromOutputCondition => null;

    /// <summary>Why FromOutput = true is not supported with these parameters (AGEN0015), or null when it is.</summary>
    public virtual string? FromOutputProblem(ActivationSpec spec) =>
        FromOutputCondition is null ? $"is not supported by [{Name}]" : null;

    /// <summary>
    /// The problems of the parameters beyond non-finite values and the accepted ranges (relations between parameters,
    /// an <c>int</c> or enum out of range); the ranges are checked only when there is none.
    /// </summary>
    public virtual IEnumerable<ParameterProblem> Check(ActivationSpec spec) => Enumerable.Empty<ParameterProblem>();

    /// <summary>The function and its derivative as text for the generated method's remarks (XML-escaped).</summary>
    public abstract string Describe(ActivationSpec spec);

    /// <summary>The type the lanes are computed in: double unless a kernel can keep the contract in float.</summary>
    public virtual ElementType ComputeType(ActivationSpec spec, ElementType element) => ElementType.Double;

    /// <summary>Whether the span loops use 512-bit vectors where accelerated (false: 256-bit, measured faster for the kernel).</summary>
    public virtual bool PreferVector512 => true;

    /// <summary>As <see cref="PreferVector512"/>, for kernels whose choice depends on the parameters.</summary>
    public virtual bool PreferVector512For(ActivationSpec spec) => PreferVector512;

    /// <summary>
    /// Whether the kernel is long enough in float lanes that the span loops should inline it once, one vector per
    /// iteration (for f, or for f' and the fused pair when <paramref name="withDerivative"/>): four unrolled copies of a
    /// long kernel spill 512-bit vectors to the stack, measured 2 to 3 times slower wherever the stack is not aligned to
    /// 64 bytes. Kernels computed in double lanes are always treated as long (MethodEmitter).
    /// </summary>
    public virtual bool IsLong(ActivationSpec spec, bool withDerivative) => false;

    /// <summary>Members of the operator struct besides the core (constant tables).</summary>
    public virtual void WriteMembers(CodeWriter writer, ActivationSpec spec)
    {
    }

    /// <summary>
    /// Whether the forward statements (also in the fused ones) already end in a select that takes x itself wherever every
    /// comparison is false, so that a NaN input comes back unchanged without the operator's NaN rule; the emitter then
    /// leaves that rule out of f, a saving for the cheapest kernels. Only with lanes of the element type (widening would
    /// quiet a signaling NaN). SignedZeroAndNaNTests checks the claim for every kernel.
    /// </summary>
    public virtual bool ForwardKeepsNaN(ActivationSpec spec) => false;

    public void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteShared(writer, spec, element, compute, Parts.Value);
        WriteValue(writer, spec, element, compute);
    }

    public void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteShared(writer, spec, element, compute, Parts.Slope);
        WriteSlope(writer, spec, element, compute);
    }

    /// <summary>f and f' in one pass: the shared statements once, then both.</summary>
    public virtual void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteShared(writer, spec, element, compute, Parts.Both);
        WriteValue(writer, spec, element, compute);
        WriteSlope(writer, spec, element, compute);
    }

    /// <summary>Statements that <paramref name="parts"/> need before the value or the slope (none by default).</summary>
    protected virtual void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
    }

    /// <summary>Statements that end by declaring <c>y</c> = f(x), after the shared ones.</summary>
    protected abstract void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute);

    /// <summary>Statements that end by declaring <c>dy</c> = f'(x), after the shared ones.</summary>
    protected abstract void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute);

    /// <summary>
    /// f'(x) from the forward result: statements that read <c>y</c> = f(x) and end by declaring <c>dy</c>. Only called for
    /// the parameters <see cref="FromOutputProblem"/> accepts.
    /// </summary>
    public virtual void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotSupportedException(Name + " has no derivative from the output.");

    /// <summary>
    /// σ(z) (or σ(-z) when <paramref name="negated"/>) from t = e^-|z|: (z ≥ 0 ? 1 : t) / (1 + t), one rounding, no
    /// overflow and no cancellation anywhere.
    /// </summary>
    protected static string SigmoidFromExp(string z, string t, bool negated = false) =>
        $"{{M}}.DivideByOnePlus({{V}}.ConditionalSelect({{V}}.{(negated ? "LessThanOrEqual" : "GreaterThanOrEqual")}({z}, {{VD}}.Zero), {{VD}}.One, {t}), {t})";

    /// <summary>
    /// e^-|z + zLow|·2^shift for z + zLow an exact pair (Beta·x, x - Offset): the low part enters with the sign that
    /// -|z + zLow| gives it, so the exponential of the unrounded argument is taken.
    /// </summary>
    protected static string ExpOfMinusAbs(string z, string zLow, string shift, string exp = "Exp") =>
        $"{{M}}.{exp}(-{{V}}.Abs({z}), {{V}}.ConditionalSelect({{V}}.GreaterThanOrEqual({z}, {{VD}}.Zero), -{zLow}, {zLow}), {shift})";

    /// <summary>
    /// f' near one of its zeros x0, where the general formula cancels, as d·Q(d) with d = x - x0 (x0 a pair of the compute
    /// type, so the first difference is exact) and Q a polynomial fitted for |d| &lt; <paramref name="radius"/> (coefficients
    /// highest degree first, evaluated by Horner's rule with fused multiply-adds); elsewhere, and for NaN,
    /// <paramref name="elsewhere"/>. Writes statements that end by declaring <c>dy</c>.
    /// </summary>
    protected static void WriteSlopeNearRoot(CodeWriter writer, (double Hi, double Lo) root, double[] q, double radius, string elsewhere, ElementType compute, double center = 0)
    {
        if (compute == ElementType.Single)
        {
            var single = (float)root.Hi;
            root = (single, (float)((root.Hi - single) + root.Lo));
        }

        writer.Line($"var elsewhere = {elsewhere};");
        writer.Line($"var dRoot = (x - {Constant(root.Hi, compute)}) - {Constant(root.Lo, compute)}; // x - x0");
        writer.Line($"var qRoot = {Constant(q[0], compute)};");
        foreach (var coefficient in q.Skip(1))
        {
            writer.Line($"qRoot = {{V}}.FusedMultiplyAdd(qRoot, dRoot, {Constant(coefficient, compute)});");
        }

        var distance = center == 0 ? "dRoot" : $"dRoot - {Constant(center, compute)}";
        writer.Line($"var dy = {{V}}.ConditionalSelect({{V}}.LessThan({{V}}.Abs({distance}), {Constant(radius, compute)}), dRoot * qRoot, elsewhere);");
    }

    /// <summary><c>{V}.Create(value)</c> in the compute type, or the named constant for 0 and 1.</summary>
    protected static string Constant(double value, ElementType compute) => value switch
    {
        0 when System.BitConverter.DoubleToInt64Bits(value) == 0 => "{VD}.Zero",
        1 => "{VD}.One",
        _ => "{V}.Create(" + Literals.Of(value, compute) + ")",
    };

    /// <summary>
    /// <c>value·factor</c>; in float lanes a factor that is not a float is applied as a float pair, hi·v + lo·v (see
    /// <see cref="Split"/>: lo has the sign of hi), so the product is rounded once and a zero or infinite value keeps
    /// the sign the product gives.
    /// </summary>
    protected static string Times(string value, double factor, ElementType compute) =>
        Times(value, Split(factor, 0, compute), compute);

    /// <summary>
    /// <c>Select(v &gt; 0, positive, notPositive)</c>: a step (NaN lanes are left to the operator, which returns a NaN input
    /// unchanged).
    /// </summary>
    protected static string Step(string v, string positive, string notPositive) =>
        $"{{V}}.ConditionalSelect({{V}}.GreaterThan({v}, {{VD}}.Zero), {positive}, {notPositive})";

    /// <summary>
    /// The smallest |Beta| of Silu and Softplus: they scale e^-|Beta·x| by 2^(8 + e) for |Beta| ≈ 2^-e (<see cref="TailShift"/>)
    /// so that x·e^-|Beta·x| and e^-|Beta·x|/Beta keep their digits in the far tail; that scaling fits in double for
    /// |Beta| ≥ 2^-496 ≈ 1.96e-149.
    /// </summary>
    protected const double SmallestBeta = 1e-148;

    /// <summary>
    /// For kernels of x·e^-|Beta·x| and e^-|Beta·x|/Beta: the power of two 2^shift by which e^-|Beta·x| is scaled so that
    /// its far tail keeps full precision once x (up to |z/Beta|) or 1/Beta multiplies it — 8 + e for |Beta| ≥ 2^-e — capped
    /// at 1000 - e (double lanes) or 120 - e (float lanes) so that those products cannot overflow.
    /// </summary>
    protected static int TailShift(double beta, ElementType compute)
    {
        var extra = TailExponent(beta);
        return Math.Max(0, Math.Min(8 + extra, TailLimit(compute) - extra));
    }

    /// <summary>
    /// Whether <see cref="TailShift"/> is not capped, so the far tail keeps its precision: |Beta| ≥ 2^-56 in float lanes,
    /// 2^-496 in double lanes.
    /// </summary>
    protected static bool TailShiftFits(double beta, ElementType compute) =>
        8 + TailExponent(beta) <= TailLimit(compute) - TailExponent(beta);

    /// <summary>value·2^exponent, exact where the result is normal (no intermediate power of two overflows).</summary>
    protected static double ScaleByPowerOfTwo(double value, int exponent)
    {
        for (; exponent > 512; exponent -= 512)
        {
            value *= Math.Pow(2, 512);
        }

        for (; exponent < -512; exponent += 512)
        {
            value *= Math.Pow(2, -512);
        }

        return value * Math.Pow(2, exponent);
    }

    /// <summary>e with 2^e ≤ |value| &lt; 2^(e + 1), for a normal value.</summary>
    protected static int BinaryExponent(double value) => (int)((BitConverter.DoubleToInt64Bits(value) >> 52) & 0x7FF) - 1023;

    private static int TailExponent(double beta) => Math.Max(0, (int)Math.Ceiling(-Math.Log(Math.Abs(beta), 2)));

    private static int TailLimit(ElementType compute) => compute == ElementType.Double ? 1000 : 120;

    protected static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    /// <summary>Whether a double constant is exactly a float, so float lanes can use it without rounding it.</summary>
    protected static bool IsSingleExact(double value) => (double)(float)value == value;

    /// <summary>
    /// Whether float lanes can take a constant: it is 0, or it rounds to a normal float (not ∞, which would make the
    /// constant pairs NaN, and not a subnormal, which keeps only part of the constant's digits). Kernels whose constants
    /// fail this compute float elements in double lanes.
    /// </summary>
    protected static bool IsSingleNormal(double value)
    {
        var single = Math.Abs((float)value);
        return value == 0 || (single >= 1.17549435E-38f && !float.IsInfinity(single));
    }

    /// <summary>
    /// A constant known as a double-double hi + lo, for the compute type: the double pair in double, the nearest float
    /// pair in float (lo = 0 when the constant is exactly a float). lo never has the sign opposite to hi (hi is moved one
    /// ULP toward zero instead), so that hi·v + lo·v stays ±∞, not NaN, for an infinite v.
    /// </summary>
    protected static (double Hi, double Lo) Split(double hi, double lo, ElementType compute)
    {
        if (compute == ElementType.Single)
        {
            var single = (float)hi;
            lo = (float)((hi - single) + lo);
            hi = single;
        }

        if (lo != 0 && (lo < 0) != (hi < 0))
        {
            var lower = compute == ElementType.Single ? (double)TowardZero((float)hi) : TowardZero(hi);
            lo += hi - lower; // exact: one ULP of hi, plus a lo below half of it
            hi = lower;
            if (compute == ElementType.Single)
            {
                lo = (float)lo;
            }
        }

        return (hi, lo);
    }

    private static double TowardZero(double value) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) - 1);

    private static float TowardZero(float value) => BitConverter.ToSingle(BitConverter.GetBytes(BitConverter.ToInt32(BitConverter.GetBytes(value), 0) - 1), 0);

    /// <summary>1 / value as a double-double (lo = 0 when the reciprocal is exactly a double).</summary>
    protected static (double Hi, double Lo) Reciprocal(double value)
    {
        var exact = Rational.FromDouble(value);
        var reciprocal = new Rational(exact.Denominator, exact.Numerator);
        var hi = reciprocal.ToDouble();
        return (hi, (reciprocal - Rational.FromDouble(hi)).ToDouble());
    }

    /// <summary>
    /// <c>value·(hi + lo)</c> for a variable and a constant pair: one product when lo = 0 (none when the constant is 1),
    /// else hi·value + lo·value with one fused multiply-add.
    /// </summary>
    protected static string Times(string value, (double Hi, double Lo) constant, ElementType compute)
    {
        if (constant.Lo == 0)
        {
            return constant.Hi == 1 ? value : value + " * " + Constant(constant.Hi, compute);
        }

        return $"{{V}}.FusedMultiplyAdd({value}, {Constant(constant.Hi, compute)}, {value} * {Constant(constant.Lo, compute)})";
    }
}
