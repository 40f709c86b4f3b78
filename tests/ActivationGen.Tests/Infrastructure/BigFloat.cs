using System;
using System.Globalization;
using System.Numerics;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>
/// A real number m·2^e with an arbitrary-precision m, for exact references in the tests of the helpers: doubles convert
/// exactly, sums and products are exact, quotients, exponentials and logarithms keep about <see cref="Precision"/> bits
/// (far beyond the 53 of a double), so an error in ULP measured against one is the helper's own.
/// </summary>
public readonly record struct BigFloat(BigInteger Mantissa, int Exponent)
{
    /// <summary>The relative precision of quotients and of the series, in bits.</summary>
    public const int Precision = 320;

    public static BigFloat One { get; } = new(BigInteger.One, 0);

    /// <summary>ln 2 to <see cref="Precision"/> bits, as Σ 1/(k·2^k).</summary>
    private static readonly BigFloat Ln2 = ComputeLn2();

    public bool IsZero => Mantissa.IsZero;

    /// <summary>e with 2^e ≤ |value| &lt; 2^(e + 1) (for a value that is not zero).</summary>
    public int Magnitude => (int)BigInteger.Abs(Mantissa).GetBitLength() - 1 + Exponent;

    public static BigFloat From(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values have an exact value.");
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        return new BigFloat(bits < 0 ? -mantissa : mantissa, exponent - 1075);
    }

    /// <summary>
    /// The value of a decimal string such as <c>-1.25</c> or <c>3.1645e-300</c> (the reference tables' values): exact
    /// where it is a binary fraction or an integer, otherwise to <see cref="Precision"/> bits.
    /// </summary>
    public static BigFloat FromDecimal(string text)
    {
        var exponentAt = text.IndexOfAny(['e', 'E']);
        var exponent10 = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var digits = exponentAt < 0 ? text : text[..exponentAt];
        var negative = digits.StartsWith('-');
        digits = digits.TrimStart('-', '+');
        var point = digits.IndexOf('.');
        if (point >= 0)
        {
            exponent10 -= digits.Length - point - 1;
            digits = digits.Remove(point, 1);
        }

        var mantissa = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var value = exponent10 >= 0
            ? new BigFloat(mantissa * BigInteger.Pow(10, exponent10), 0).Trim()
            : new BigFloat(mantissa, 0) / new BigFloat(BigInteger.Pow(10, -exponent10), 0);
        return negative ? -value : value;
    }

    public static BigFloat operator +(BigFloat a, BigFloat b)
    {
        var e = Math.Min(a.Exponent, b.Exponent);
        return new BigFloat((a.Mantissa << (a.Exponent - e)) + (b.Mantissa << (b.Exponent - e)), e).Trim();
    }

    public static BigFloat operator -(BigFloat a) => new(-a.Mantissa, a.Exponent);

    public static BigFloat operator -(BigFloat a, BigFloat b) => a + -b;

    public static BigFloat operator *(BigFloat a, BigFloat b) => new BigFloat(a.Mantissa * b.Mantissa, a.Exponent + b.Exponent).Trim();

    public static BigFloat operator /(BigFloat a, BigFloat b)
    {
        var shift = Precision + (int)b.Mantissa.GetBitLength() - (int)BigInteger.Abs(a.Mantissa).GetBitLength() + 2;
        shift = Math.Max(shift, 0);
        return new BigFloat((a.Mantissa << shift) / b.Mantissa, a.Exponent - b.Exponent - shift).Trim();
    }

    /// <summary>e^x: x = k·ln2 + r, |r| ≤ ln2/2, e^r by its Taylor series.</summary>
    public static BigFloat Exp(double x)
    {
        var k = (int)Math.Round(x / Math.Log(2));
        var r = (From(x) - (new BigFloat(k, 0) * Ln2)).Round();
        var sum = One;
        var term = One;
        for (var n = 1; !term.IsZero && term.Magnitude > sum.Magnitude - Precision - 8; n++)
        {
            term = ((term * r) / new BigFloat(n, 0)).Round();
            sum += term;
        }

        return new BigFloat(sum.Mantissa, sum.Exponent + k);
    }

    /// <summary>e^x - 1, exact in the subtraction (relative precision holds down to |x| of about 2^-250).</summary>
    public static BigFloat ExpM1(double x) => Exp(x) - One;

    /// <summary>ln x for x &gt; 0: x = 2^e·m with m in [1, 2), ln x = e·ln 2 + 2·atanh((m - 1) / (m + 1)).</summary>
    public static BigFloat Log(double x) => LogOf(From(x));

    /// <summary>ln(1 + u) for u &gt; -1, 1 + u exact.</summary>
    public static BigFloat Log1pAny(double u) => LogOf(From(u) + One);

    private static BigFloat LogOf(BigFloat y)
    {
        var e = (int)BigInteger.Abs(y.Mantissa).GetBitLength() - 1 + y.Exponent;
        var m = new BigFloat(y.Mantissa, y.Exponent - e);
        var s = (m - One) / (m + One);
        var s2 = (s * s).Round();
        var power = s;
        var sum = new BigFloat(BigInteger.Zero, 0);
        for (var n = 0; !power.IsZero && (sum.IsZero || power.Magnitude > sum.Magnitude - Precision - 8); n++)
        {
            sum += (power / new BigFloat((2 * n) + 1, 0)).Round();
            power = (power * s2).Round();
        }

        return (sum * new BigFloat(2, 0)) + (new BigFloat(e, 0) * Ln2);
    }

    /// <summary>ln(1 + t) for 0 ≤ t ≤ 1 (as <see cref="Log1pAny"/>).</summary>
    public static BigFloat Log1p(double t) => Log1pAny(t);

    /// <summary>
    /// The error of <paramref name="actual"/> in units of the last place of the exact value, as a fraction, for a format
    /// with <paramref name="significandBits"/> bits (53 or 24) and smallest exponent <paramref name="minimumExponent"/>
    /// of its ULP (-1074 or -149).
    /// </summary>
    public static double UlpError(double actual, BigFloat exact, int significandBits, int minimumExponent)
    {
        if (!double.IsFinite(actual))
        {
            return double.PositiveInfinity;
        }

        var magnitude = exact.IsZero ? minimumExponent : (int)BigInteger.Abs(exact.Mantissa).GetBitLength() - 1 + exact.Exponent;
        var ulp = Math.Max(magnitude - (significandBits - 1), minimumExponent);
        var difference = From(actual) - exact;
        if (difference.IsZero)
        {
            return 0;
        }

        var bits = (int)BigInteger.Abs(difference.Mantissa).GetBitLength();
        var drop = Math.Max(0, bits - 60);
        return Math.Abs(Math.ScaleB((double)(difference.Mantissa >> drop), difference.Exponent + drop - ulp));
    }

    public static double UlpError(double actual, BigFloat exact) => UlpError(actual, exact, 53, -1074);

    public static double UlpError(float actual, BigFloat exact) => UlpError(actual, exact, 24, -149);

    public double ToDouble()
    {
        var bits = (int)BigInteger.Abs(Mantissa).GetBitLength();
        var drop = Math.Max(0, bits - 60);
        return Math.ScaleB((double)(Mantissa >> drop), Exponent + drop);
    }

    /// <summary>Without the trailing zero bits of the mantissa.</summary>
    private BigFloat Trim()
    {
        if (Mantissa.IsZero)
        {
            return new BigFloat(BigInteger.Zero, 0);
        }

        var zeros = (int)BigInteger.TrailingZeroCount(BigInteger.Abs(Mantissa));
        return zeros == 0 ? this : new BigFloat(Mantissa >> zeros, Exponent + zeros);
    }

    /// <summary>Rounded to about <see cref="Precision"/> + 64 bits (keeps the series' intermediate numbers small).</summary>
    private BigFloat Round()
    {
        var bits = (int)BigInteger.Abs(Mantissa).GetBitLength();
        var drop = bits - (Precision + 64);
        return drop <= 0 ? this : new BigFloat(Mantissa >> drop, Exponent + drop);
    }

    private static BigFloat ComputeLn2()
    {
        var sum = new BigInteger(0);
        var scale = BigInteger.One << (Precision + 64);
        for (var k = 1; k < Precision + 64; k++)
        {
            sum += (scale >> k) / k;
        }

        return new BigFloat(sum, -(Precision + 64));
    }
}
