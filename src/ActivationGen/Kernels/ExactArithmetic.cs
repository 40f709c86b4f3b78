using System;
using System.Numerics;

namespace ActivationGen.Kernels;

/// <summary>
/// Compile-time arithmetic on exact rationals, for constants that must be right to the last bit: the SigmoidSum
/// offsets (as double-doubles) and their exponentials (correctly rounded).
/// </summary>
internal readonly struct Rational
{
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    /// <summary>The exact value of a finite double.</summary>
    public static Rational FromDouble(double value)
    {
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

        var numerator = new BigInteger(mantissa) * (bits < 0 ? -1 : 1);
        var power = exponent - 1075;
        return power >= 0
            ? new Rational(numerator << power, BigInteger.One)
            : new Rational(numerator, BigInteger.One << -power);
    }

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, long b) => new(a.Numerator * b, a.Denominator);

    public static Rational operator /(Rational a, long b) => new(a.Numerator, a.Denominator * b);

    /// <summary>The double nearest to this value (ties to even).</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero)
        {
            return 0;
        }

        var negative = Numerator.Sign < 0;
        var numerator = BigInteger.Abs(Numerator);
        var shift = 55 - (BitLength(numerator) - BitLength(Denominator));
        BigInteger quotient, remainder;
        while (true)
        {
            quotient = shift >= 0
                ? BigInteger.DivRem(numerator << shift, Denominator, out remainder)
                : BigInteger.DivRem(numerator, Denominator << -shift, out remainder);
            var length = BitLength(quotient);
            if (length == 55)
            {
                break;
            }

            shift += 55 - length;
        }

        // quotient has 55 bits: 53 of mantissa, a round bit and a guard bit; the remainder is the sticky part.
        var mantissa = (long)(quotient >> 2);
        var low = (int)(quotient & 3);
        if (low > 2 || (low == 2 && (!remainder.IsZero || (mantissa & 1) != 0)))
        {
            mantissa++;
        }

        var exponent = 2 - shift; // value = mantissa · 2^exponent
        if (mantissa == 1L << 53)
        {
            mantissa >>= 1;
            exponent++;
        }

        var biased = exponent + 52 + 1023;
        double result;
        if (biased >= 2047)
        {
            result = double.PositiveInfinity;
        }
        else if (biased > 0)
        {
            result = BitConverter.Int64BitsToDouble(((long)biased << 52) | (mantissa & 0xFFFFFFFFFFFFFL));
        }
        else
        {
            // Below the normal range: close enough for the low part of a double-double.
            result = mantissa;
            for (var i = 0; i < -exponent; i++)
            {
                result *= 0.5;
            }
        }

        return negative ? -result : result;
    }

    /// <summary>The fraction bits of <see cref="ExpNegativeFixed"/>.</summary>
    public const int FixedBits = 256;

    /// <summary>e^-y for 0 ≤ y ≤ 64, correctly rounded to double, using 256-bit fixed point.</summary>
    public static double ExpNegative(Rational y) => new Rational(ExpNegativeFixed(y), BigInteger.One << FixedBits).ToDouble();

    /// <summary>e^-y for 0 ≤ y ≤ 64 in fixed point with <see cref="FixedBits"/> fraction bits (a few units of the last bit off).</summary>
    public static BigInteger ExpNegativeFixed(Rational y)
    {
        const int Halvings = 12;
        var one = BigInteger.One << FixedBits;
        var fixedY = (y.Numerator << FixedBits) / y.Denominator >> Halvings;
        var sum = one;
        var term = one;
        for (var n = 1; !term.IsZero; n++)
        {
            term = -(term * fixedY >> FixedBits) / n;
            sum += term;
        }

        for (var i = 0; i < Halvings; i++)
        {
            sum = sum * sum >> FixedBits;
        }

        return sum;
    }

    private static int BitLength(BigInteger value)
    {
        var bytes = value.ToByteArray();
        var top = bytes.Length - 1;
        while (top > 0 && bytes[top] == 0)
        {
            top--;
        }

        var length = top * 8;
        for (int b = bytes[top]; b != 0; b >>= 1)
        {
            length++;
        }

        return length;
    }
}

internal static class RationalExtensions
{
    /// <summary>Compares with an integer exactly.</summary>
    public static int CompareTo(this Rational value, long other) =>
        value.Numerator.CompareTo(other * value.Denominator);
}
