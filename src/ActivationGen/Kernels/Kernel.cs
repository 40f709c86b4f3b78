using System;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// One activation's math, written once over lanes of the compute type (<see cref="ComputeType"/>: the element type
/// itself where that keeps the accuracy contract, else double) and rendered by the emitter for 128-, 256- and 512-bit
/// vectors (the scalar method runs the 128-bit rendering on one lane). Statements use three tokens:
/// <c>{V}</c> (the static vector class), <c>{VD}</c> (the vector type of the compute type) and <c>{M}</c> (ActivationGen's
/// math helpers, overloaded for float and double).
/// The input is <c>x</c>; the forward statements end by declaring <c>y</c>, the derivative statements <c>dy</c>, the
/// fused statements both (with exactly the same values as the separate ones).
/// NaN lanes need no care: the emitted operator returns a NaN input unchanged (MethodEmitter.WriteInvoke). Signed zeros
/// do: f(±0) and f'(±0) must have the sign IEEE arithmetic gives the README's formula there (README, "Signed zeros and NaN").
/// </summary>
internal abstract class Kernel
{
    public static Kernel For(ActivationKind kind) => kind switch
    {
        ActivationKind.Sigmoid => SigmoidKernel.Instance,
        ActivationKind.SigmoidSum => SigmoidSumKernel.Instance,
        ActivationKind.Softplus => SoftplusKernel.Instance,
        ActivationKind.Relu => ReluKernel.Instance,
        ActivationKind.Elu => EluKernel.Instance,
        ActivationKind.LeakyRelu => LeakyReluKernel.Instance,
        ActivationKind.Selu => SeluKernel.Instance,
        ActivationKind.Celu => CeluKernel.Instance,
        ActivationKind.Gelu => GeluKernel.Instance,
        ActivationKind.Silu => SiluKernel.Instance,
        ActivationKind.Mish => MishKernel.Instance,
        ActivationKind.Tanh => TanhKernel.Instance,
        ActivationKind.Softsign => SoftsignKernel.Instance,
        ActivationKind.LogSigmoid => LogSigmoidKernel.Instance,
        ActivationKind.HardSigmoid => HardSigmoidKernel.Instance,
        ActivationKind.HardSwish => HardSwishKernel.Instance,
        ActivationKind.HardTanh => HardTanhKernel.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The function and its derivative as text for the generated method's remarks (XML-escaped).</summary>
    public abstract string Describe(ActivationSpec spec);

    /// <summary>The type the lanes are computed in: double unless a kernel can keep the contract in float.</summary>
    public virtual ElementType ComputeType(ActivationSpec spec, ElementType element) => ElementType.Double;

    /// <summary>Whether the span loops use 512-bit vectors where accelerated (false: 256-bit, measured faster for the kernel).</summary>
    public virtual bool PreferVector512 => true;

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

    public abstract void WriteForward(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute);

    public abstract void WriteDerivative(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute);

    /// <summary>f and f' together; by default the two one after the other (kernels that share work override it).</summary>
    public virtual void WriteFused(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        WriteForward(writer, spec, element, compute);
        WriteDerivative(writer, spec, element, compute);
    }

    /// <summary>
    /// f'(x) from the forward result: statements that read <c>y</c> = f(x) and end by declaring <c>dy</c>. Only called for
    /// the parameters <c>AttributeArgumentsParser</c> accepts with <c>FromOutput = true</c>.
    /// </summary>
    public virtual void WriteDerivativeFromOutput(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute) =>
        throw new NotSupportedException(spec.Kind + " has no derivative from the output.");

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
