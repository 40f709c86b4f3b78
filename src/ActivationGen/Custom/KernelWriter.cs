using System.Collections.Generic;
using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Custom;

/// <summary>
/// Writes an <see cref="Expr"/> as kernel statements in double or float lanes, one <c>var</c> per distinct node (so f' reuses what
/// f computed in the fused shape), through the same vector helpers as the catalog: e^-|u| is computed once for σ(±u) and
/// softplus(±u), e^-2|u| once for tanh(u) and its derivative. Every function is written for its whole domain: e^u up to
/// the overflow threshold, expm1 on both sides of 0 (keeping the sign of a zero), Max and Min as selects that take the
/// second operand on ties. In double lanes for double elements, and in float lanes (<c>compensated</c>), the argument of every exponential (e^u, expm1, σ,
/// softplus, tanh's e^-2|u|) is evaluated as an unevaluated pair hi + lo in double-double arithmetic (sums, products and
/// quotients with their rounding errors kept, constants with the part beyond the double), and the helpers take lo: far
/// in a tail, e^u is as accurate as u, so a rounding of u alone would cost hundreds of ULP.
/// </summary>
internal sealed class KernelWriter
{
    private readonly CodeWriter _writer;
    private readonly Dictionary<Expr, string> _names = new();
    private readonly Dictionary<string, string> _shared = new(System.StringComparer.Ordinal);
    private readonly Dictionary<Expr, (string Hi, string? Lo)> _pairs = new();
    private readonly Dictionary<Expr, string> _finiteLows = new();
    private readonly bool _compensated;
    private readonly ElementType _compute;
    private int _count;
    private Expr? _root;

    /// <param name="compute">The lanes: double, or float where the definition keeps its accuracy there.</param>
    /// <param name="compensated">Whether the arguments of exponentials are double-word pairs (not needed for float elements in double lanes).</param>
    public KernelWriter(CodeWriter writer, ElementType compute, bool compensated)
    {
        _writer = writer;
        _compute = compute;
        _compensated = compensated;
    }

    /// <summary>f or f' as a whole: the name holding it, writing what it needs first.</summary>
    public string WriteRoot(Expr e)
    {
        _root = e;
        return Write(e);
    }

    /// <summary>The name (or, for x and constants, the text) holding <paramref name="e"/>, writing what it needs first.</summary>
    public string Write(Expr e)
    {
        if (_names.TryGetValue(e, out var name))
        {
            return name;
        }

        name = e.Kind switch
        {
            Kind.X => "x",
            Kind.Constant => Constant(e.Value),
            _ => Declare(Code(e)),
        };

        // A fast root softplus is not what f' would compute for the same node: not shared (fused f' = f' bit for bit).
        if (!IsFastSoftplus(e))
        {
            _names[e] = name;
        }

        return name;
    }

    private string Code(Expr e)
    {
        string A() => Write(e.A);
        string B() => Write(e.B);
        return e.Kind switch
        {
            Kind.Negate => "-" + A(),
            Kind.Add => A() + " + " + B(),
            Kind.Subtract => A() + " - " + B(),
            Kind.Multiply => A() + " * " + B(),
            Kind.Divide => A() + " / " + B(),
            Kind.Exp => Exp(Pair(e.A)),
            Kind.ExpM1 => ExpM1(FinitePair(e.A)),
            Kind.ExpNonPositive => Pair(e.A) is { Lo: null } u ? $"{{M}}.ExpNonPositive({u.Hi}, 0)" : $"{{M}}.ExpNonPositive({Pair(e.A).Hi}, {Pair(e.A).Lo}, 0)",
            Kind.ExpM1NonPositive => ExpM1NonPositive(FinitePair(e.A)),
            Kind.Log => $"{{M}}.Log({A()})",
            Kind.Log1p => $"{{M}}.Log1p({A()})",
            Kind.Sqrt => $"{{V}}.Sqrt({A()})",
            Kind.Abs => $"{{V}}.Abs({A()})",
            Kind.Tanh => $"{{M}}.Tanh({A()}, {TanhExp(e.A)})",
            Kind.SechSquared => $"{{M}}.SechSquared({TanhExp(e.A)})",
            Kind.Max => $"{{V}}.ConditionalSelect({{V}}.GreaterThan({A()}, {B()}), {A()}, {B()})",
            Kind.Min => $"{{V}}.ConditionalSelect({{V}}.LessThan({A()}, {B()}), {A()}, {B()})",
            Kind.Sigmoid when e.A.Kind == Kind.Negate => $"{{M}}.DivideByOnePlus({{V}}.ConditionalSelect({{V}}.LessThanOrEqual({Pair(e.A.A).Hi}, {{VD}}.Zero), {{VD}}.One, {SigmoidExp(e.A)}), {SigmoidExp(e.A)})",
            Kind.Sigmoid => $"{{M}}.DivideByOnePlus({{V}}.ConditionalSelect({{V}}.GreaterThanOrEqual({Pair(e.A).Hi}, {{VD}}.Zero), {{VD}}.One, {SigmoidExp(e.A)}), {SigmoidExp(e.A)})",
            Kind.Softplus => Softplus(FinitePair(e.A), SigmoidExp(e.A), fast: IsFastSoftplus(e)),
            Kind.Erf => $"{{M}}.Erf({A()})",
            Kind.Erfc => Erfc(e.A),
            Kind.Select => Select(e),
            Kind.Less => $"{{V}}.LessThan({A()}, {B()})",
            Kind.LessOrEqual => $"{{V}}.LessThanOrEqual({A()}, {B()})",
            Kind.Greater => $"{{V}}.GreaterThan({A()}, {B()})",
            Kind.GreaterOrEqual => $"{{V}}.GreaterThanOrEqual({A()}, {B()})",
            Kind.Equal => $"{{V}}.Equals({A()}, {B()})",
            Kind.NotEqual => $"~{{V}}.Equals({A()}, {B()})",
            Kind.And => A() + " & " + B(),
            Kind.Or => A() + " | " + B(),
            Kind.Not => "~" + A(),
            _ => throw new System.InvalidOperationException("Cannot emit " + e.Kind + "."),
        };
    }

    /// <summary>
    /// e^u, up to the overflow threshold (Exp alone stops at 2^955 in double, 2^100 in float: beyond 600 resp. 60, it is
    /// scaled by 2^-128 resp. 2^-40 and back).
    /// </summary>
    private string Exp((string Hi, string? Lo) u)
    {
        var (above, shift) = _compute == ElementType.Single ? (60, 40) : (600, 128);
        return $"{{V}}.ConditionalSelect({{V}}.GreaterThan({u.Hi}, {Constant(above)}), {{M}}.Exp({u.Hi}, {Low(u)}, -{shift}) * {Constant(System.Math.Pow(2, shift))}, {{M}}.Exp({u.Hi}, {Low(u)}, 0))";
    }

    /// <summary>e^u - 1 on both sides of 0 (+0 at ±0, as the compile-time evaluation and double.ExpM1 give).</summary>
    private static string ExpM1((string Hi, string? Lo) u) =>
        $"{{V}}.ConditionalSelect({{V}}.LessThan({u.Hi}, {{VD}}.Zero), {{M}}.ExpM1NonPositive({u.Hi}{LowArgument(u)}), {{M}}.ExpM1NonNegative({u.Hi}, {Low(u)}))";

    private static string LowArgument((string Hi, string? Lo) u) => u.Lo is null ? string.Empty : ", " + u.Lo;

    private bool IsFastSoftplus(Expr e) => e.Kind == Kind.Softplus && _compute == ElementType.Single && e.Equals(_root);

    /// <summary>A select, its branches written before its condition: a mask held across an exponential slows AVX-512 code down.</summary>
    private string Select(Expr e)
    {
        var then = Write(e.B);
        var otherwise = Write(e.Args[2]);
        return $"{{V}}.ConditionalSelect({Write(e.A)}, {then}, {otherwise})";
    }

    /// <summary>e^u - 1 for u ≤ 0 (+0 at ±0): without a low part, ELU's helper (the same values, one clamp fewer).</summary>
    private static string ExpM1NonPositive((string Hi, string? Lo) u) => u.Lo is null
        ? $"{{M}}.ExpM1AndExpNonPositive({u.Hi}, out _)"
        : $"{{M}}.ExpM1NonPositive({u.Hi}, {u.Lo})";

    /// <summary>softplus(u) = max(u, 0) + ln(1 + e^-|u|), the low part of u added where u &gt; 0.</summary>
    /// <param name="fast">In float lanes, for a softplus that is f itself: Log1pUnitFast (2 ULP, as [Softplus]).</param>
    private static string Softplus((string Hi, string? Lo) u, string t, bool fast)
    {
        var log1p = fast ? "Log1pUnitFast" : "Log1pUnit";
        return u.Lo is null
            ? $"{{V}}.Max({u.Hi}, {{VD}}.Zero) + {{M}}.{log1p}({t})"
            : $"{{V}}.Max({u.Hi}, {{VD}}.Zero) + ({{V}}.ConditionalSelect({{V}}.GreaterThan({u.Hi}, {{VD}}.Zero), {u.Lo}, {{VD}}.Zero) + {{M}}.{log1p}({t}))";
    }

    /// <summary>
    /// erfc(u), and with a low part lo of u, erfc(u + lo) = erfc(u) - lo·(2/√π)·e^(-u²) to first order: in the right tail
    /// erfc is as sensitive to u as e^(-u²) is (GELU's left tail).
    /// </summary>
    private string Erfc(Expr u)
    {
        var pair = Pair(u);
        if (pair.Lo is null)
        {
            return $"{{M}}.Erfc({pair.Hi})";
        }

        var gaussian = Write(Expr.Call(Kind.Exp, Expr.Negate(Expr.Multiply(u, u))));
        return $"{{V}}.FusedMultiplyAdd({pair.Lo} * {Constant(-1.1283791670955126)}, {gaussian}, {{M}}.Erfc({pair.Hi}))";
    }

    private static string Low((string Hi, string? Lo) u) => u.Lo ?? "{VD}.Zero";

    /// <summary>e^-|u| for σ(±u) and softplus(±u): the same for u and -u, so both share it.</summary>
    private string SigmoidExp(Expr u)
    {
        var pair = Pair(u.Kind == Kind.Negate ? u.A : u);
        return Shared(pair.Lo is null ? $"{{M}}.ExpMinusAbs({pair.Hi})" : $"{{M}}.ExpMinusAbs({pair.Hi}, {pair.Lo})");
    }

    /// <summary>4e^-2|u|, which Tanh and SechSquared take.</summary>
    private string TanhExp(Expr u)
    {
        var pair = Pair(u);
        return Shared(pair.Lo is null
            ? $"{{M}}.Exp({{V}}.Abs({pair.Hi}) * {Constant(-2)}, 2)"
            : $"{{M}}.Exp({{V}}.Abs({pair.Hi}) * {Constant(-2)}, {{V}}.ConditionalSelect({{V}}.GreaterThanOrEqual({pair.Hi}, {{VD}}.Zero), {pair.Lo} * {Constant(-2)}, {pair.Lo} * {Constant(2)}), 2)");
    }

    /// <summary>
    /// <see cref="Pair"/> with a low part of 0 where the high part is ±∞ (an intermediate overflowed: its low part is then
    /// ±∞ or NaN), for the functions that add the low part to a finite result there: softplus(+∞) = +∞, e^-∞ - 1 = -1.
    /// </summary>
    private (string Hi, string? Lo) FinitePair(Expr e)
    {
        var pair = Pair(e);
        if (pair.Lo is null)
        {
            return pair;
        }

        if (!_finiteLows.TryGetValue(e, out var lo))
        {
            lo = Declare($"{{V}}.ConditionalSelect({{V}}.LessThan({{V}}.Abs({pair.Hi}), {Constant(double.PositiveInfinity)}), {pair.Lo}, {{VD}}.Zero)");
            _finiteLows[e] = lo;
        }

        return (pair.Hi, lo);
    }

    /// <summary>
    /// <paramref name="e"/> as hi + lo: in double-double arithmetic through sums, differences, products, quotients and
    /// negations (where <c>compensated</c>), else its value with no low part (lo null).
    /// </summary>
    private (string Hi, string? Lo) Pair(Expr e)
    {
        if (!_compensated)
        {
            return (Write(e), null);
        }

        if (_pairs.TryGetValue(e, out var done))
        {
            return done;
        }

        (string Hi, string? Lo) result;
        switch (e.Kind)
        {
            case Kind.Constant:
                var lo = _compute == ElementType.Single ? (float)((e.Value - (float)e.Value) + e.Lo) : e.Lo;
                result = (Constant(e.Value), lo == 0 || double.IsInfinity(e.Value) || double.IsNaN(e.Value) ? null : Constant(lo));
                break;
            case Kind.Negate:
                var negated = Pair(e.A);
                result = (Declare("-" + negated.Hi), negated.Lo is null ? null : Declare("-" + negated.Lo));
                break;
            case Kind.Add or Kind.Subtract:
                var (a, b) = (Pair(e.A), Pair(e.B));
                var sign = e.Kind == Kind.Add ? " + " : " - ";
                var sum = Declare(a.Hi + sign + b.Hi);
                var bb = Declare(sum + " - " + a.Hi);
                result = (sum, Declare($"({a.Hi} - ({sum} - {bb})) + ({(e.Kind == Kind.Add ? b.Hi : "-" + b.Hi)} - {bb}){Plus(a.Lo, "+")}{Plus(b.Lo, sign.Trim())}"));
                break;
            case Kind.Multiply:
                var (p, q) = (Pair(e.A), Pair(e.B));
                var product = Declare(p.Hi + " * " + q.Hi);
                var cross = (q.Lo is null ? string.Empty : $" + {p.Hi} * {q.Lo}") + (p.Lo is null ? string.Empty : $" + {p.Lo} * {q.Hi}");
                result = (product, Declare($"{{V}}.FusedMultiplyAdd({p.Hi}, {q.Hi}, -{product}){cross}"));
                break;
            case Kind.Divide:
                var (n, d) = (Pair(e.A), Pair(e.B));
                var quotient = Declare(n.Hi + " / " + d.Hi);
                var residual = $"{{V}}.FusedMultiplyAdd(-{quotient}, {d.Hi}, {n.Hi}){Plus(n.Lo, "+")}" + (d.Lo is null ? string.Empty : $" - {quotient} * {d.Lo}");
                result = (quotient, Declare($"({residual}) / {d.Hi}"));
                break;
            default:
                result = (Write(e), null);
                break;
        }

        _pairs[e] = result;
        return result;
    }

    private static string Plus(string? lo, string sign) => lo is null ? string.Empty : $" {sign} {lo}";

    private string Shared(string code)
    {
        if (!_shared.TryGetValue(code, out var name))
        {
            name = Declare(code);
            _shared[code] = name;
        }

        return name;
    }

    private string Declare(string code)
    {
        var name = "v" + _count++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _writer.Line($"var {name} = {code};");
        return name;
    }

    private string Constant(double value) => value switch
    {
        0 when System.BitConverter.DoubleToInt64Bits(value) == 0 => "{VD}.Zero",
        1 => "{VD}.One",
        _ => "{V}.Create(" + Literals.Of(value, _compute) + ")",
    };
}
