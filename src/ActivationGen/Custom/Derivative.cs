using System;
using System.Collections.Generic;

namespace ActivationGen.Custom;

/// <summary>
/// The exact derivative of an expression, by the rules of calculus on its nodes (taken after the stable forms, so that
/// f' inherits them), with CUSTOM.md's kink rules: a select differentiates the branch it takes (the second where its
/// condition is false), Max(a, b) and Min(a, b) the second operand where a == b, and Abs'(0) = 0. A quotient's
/// derivative is written (a' − (a/b)·b') / b, which reuses f's own quotient and never squares b (no overflow of b²);
/// where a is affine and b = c + |affine| (softsign scaled or shifted), a'b − ab' is a constant on each side of the
/// kink and is written as that constant, divided by b twice.
/// </summary>
internal static class Derivative
{
    private const double TwoOverSqrtPi = 1.1283791670955126;

    public static Expr Of(Expr expr)
    {
        var memo = new Dictionary<Expr, Expr>();
        Expr D(Expr e)
        {
            if (memo.TryGetValue(e, out var done))
            {
                return done;
            }

            var result = e.Kind switch
            {
                Kind.X => Expr.One,
                Kind.Constant => Expr.Zero,
                Kind.Negate => Expr.Negate(D(e.A)),
                Kind.Add => Expr.Add(D(e.A), D(e.B)),
                Kind.Subtract => Expr.Subtract(D(e.A), D(e.B)),
                Kind.Multiply => Expr.Add(Expr.Multiply(D(e.A), e.B), Expr.Multiply(e.A, D(e.B))),
                Kind.Divide when e.B.IsConstant => Expr.Divide(D(e.A), e.B),
                Kind.Divide when AffineOverConstantPlusAbs(e.A, e.B) is { } numerator => Expr.Divide(Expr.Divide(numerator, e.B), e.B),
                Kind.Divide when ConstantPlusAbs(e.B, e.A) is { } c => Expr.Divide(Expr.Divide(Expr.Multiply(c, D(e.A)), e.B), e.B),
                Kind.Divide => Expr.Divide(Expr.Subtract(D(e.A), Expr.Multiply(e, D(e.B))), e.B),
                Kind.Exp => Chain(Expr.Call(Kind.Exp, e.A), D(e.A)),
                Kind.ExpM1 => Chain(Expr.Call(Kind.Exp, e.A), D(e.A)),
                Kind.ExpNonPositive => Chain(e, D(e.A)),
                Kind.ExpM1NonPositive => Chain(Expr.Call(Kind.ExpNonPositive, e.A), D(e.A)),
                Kind.Log => Expr.Divide(D(e.A), e.A),
                Kind.Log1p => Expr.Divide(D(e.A), Expr.Add(Expr.One, e.A)),
                Kind.Sqrt => Expr.Divide(D(e.A), Expr.Multiply(Expr.Constant(2), e)),
                Kind.Tanh => Chain(Expr.Call(Kind.SechSquared, e.A), D(e.A)),
                Kind.Abs => Expr.Select(
                    Expr.Compare(Kind.Greater, e.A, Expr.Zero),
                    D(e.A),
                    Expr.Select(Expr.Compare(Kind.Less, e.A, Expr.Zero), Expr.Negate(D(e.A)), Expr.Zero)),
                Kind.Max => Expr.Select(Expr.Compare(Kind.Greater, e.A, e.B), D(e.A), D(e.B)),
                Kind.Min => Expr.Select(Expr.Compare(Kind.Less, e.A, e.B), D(e.A), D(e.B)),
                Kind.Sigmoid => Chain(Expr.Multiply(e, Expr.Call(Kind.Sigmoid, Expr.Negate(e.A))), D(e.A)),
                Kind.Softplus => Chain(Expr.Call(Kind.Sigmoid, e.A), D(e.A)),
                Kind.Erf => Chain(Expr.Multiply(Expr.Constant(TwoOverSqrtPi), Gaussian(e.A)), D(e.A)),
                Kind.Erfc => Chain(Expr.Multiply(Expr.Constant(-TwoOverSqrtPi), Gaussian(e.A)), D(e.A)),
                Kind.Select => Expr.Select(e.A, D(e.B), D(e.Args[2])),
                _ => throw new InvalidOperationException("No derivative rule for " + e.Kind + "."),
            };
            memo[e] = result;
            return result;
        }

        return D(expr);
    }

    /// <summary>
    /// c where <paramref name="b"/> is c + |a| (or |a| + c): (a / (c + |a|))' = c·a' / (c + |a|)², without the cancellation
    /// of the general rule (softsign).
    /// </summary>
    private static Expr? ConstantPlusAbs(Expr b, Expr a) => b.Kind switch
    {
        Kind.Add when b.A.IsConstant && b.B.Kind == Kind.Abs && b.B.A.Equals(a) => b.A,
        Kind.Add when b.B.IsConstant && b.A.Kind == Kind.Abs && b.A.A.Equals(a) => b.B,
        _ => null,
    };

    /// <summary>
    /// (a/b)'·b² where a = αx + β and b = c + |u| with u = γx + δ (softsign scaled or shifted: x / (1 + |2x|),
    /// x / (1 + |x − 1|)): a'b − ab' = αc + sgn(u)·(αδ − γβ), a constant on each side of the kink (and αc at it, where
    /// Abs' is 0), where the general rule would cancel two terms that grow with |x|.
    /// </summary>
    private static Expr? AffineOverConstantPlusAbs(Expr a, Expr b)
    {
        var (c, abs) = b.Kind == Kind.Add && b.A.IsConstant && b.B.Kind == Kind.Abs ? (b.A.Value, b.B)
            : b.Kind == Kind.Add && b.B.IsConstant && b.A.Kind == Kind.Abs ? (b.B.Value, b.A)
            : (double.NaN, null);
        if (abs is null || Affine(a) is not { } numerator || numerator.Slope == 0 || Affine(abs.A) is not { } u || u.Slope == 0)
        {
            return null;
        }

        var atKink = numerator.Slope * c;
        var jump = (numerator.Slope * u.Intercept) - (u.Slope * numerator.Intercept);
        return Expr.Select(
            Expr.Compare(Kind.Greater, abs.A, Expr.Zero),
            Expr.Constant(atKink + jump),
            Expr.Select(Expr.Compare(Kind.Less, abs.A, Expr.Zero), Expr.Constant(atKink - jump), Expr.Constant(atKink)));
    }

    /// <summary>Slope and intercept where <paramref name="e"/> is affine in x (x, constants, + − and products or quotients by constants).</summary>
    private static (double Slope, double Intercept)? Affine(Expr e)
    {
        switch (e.Kind)
        {
            case Kind.X:
                return (1, 0);
            case Kind.Constant:
                return (0, e.Value);
            case Kind.Negate when Affine(e.A) is { } a:
                return (-a.Slope, -a.Intercept);
            case Kind.Add or Kind.Subtract when Affine(e.A) is { } a && Affine(e.B) is { } b:
                var sign = e.Kind == Kind.Add ? 1 : -1;
                return (a.Slope + (sign * b.Slope), a.Intercept + (sign * b.Intercept));
            case Kind.Multiply when e.A.IsConstant && Affine(e.B) is { } b:
                return (e.A.Value * b.Slope, e.A.Value * b.Intercept);
            case Kind.Multiply when e.B.IsConstant && Affine(e.A) is { } a:
                return (e.B.Value * a.Slope, e.B.Value * a.Intercept);
            case Kind.Divide when e.B.IsConstant && Affine(e.A) is { } a:
                return (a.Slope / e.B.Value, a.Intercept / e.B.Value);
            default:
                return null;
        }
    }

    /// <summary>outer'·inner', with the inner derivative first when it is a constant (c·g reads better and folds).</summary>
    private static Expr Chain(Expr outer, Expr inner) => Expr.Multiply(inner, outer);

    /// <summary>e^(−u²).</summary>
    private static Expr Gaussian(Expr u) => Expr.Call(Kind.Exp, Expr.Negate(Expr.Multiply(u, u)));
}
