using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ActivationGen.Custom;

/// <summary>What an <see cref="Expr"/> node is: the parameter, a constant, an operation, a select or a condition.</summary>
internal enum Kind
{
    X,
    Constant,
    Negate,
    Add,
    Subtract,
    Multiply,
    Divide,
    Exp,
    ExpM1,

    /// <summary>e^u where u ≤ 0 is known (a branch of a select on u &gt; 0): one exponential without the overflow range.</summary>
    ExpNonPositive,

    /// <summary>e^u - 1 where u ≤ 0 is known.</summary>
    ExpM1NonPositive,
    Log,
    Log1p,
    Sqrt,
    Tanh,

    /// <summary>1 - tanh²(u), only made by the derivative of tanh.</summary>
    SechSquared,
    Abs,

    /// <summary>Max(a, b): a where a &gt; b, else b (so b where a == b, as CUSTOM.md's kink rule says).</summary>
    Max,

    /// <summary>Min(a, b): a where a &lt; b, else b.</summary>
    Min,
    Sigmoid,
    Softplus,
    Erf,
    Erfc,

    /// <summary>Args: the condition, the value where it holds, the value elsewhere.</summary>
    Select,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Not,
}

/// <summary>
/// The expression IR of a user's activation definition (<c>[Activation]</c>): an immutable tree of nodes over the one
/// parameter x, compared by value (its hash is computed once), so that the pipeline caches on it and the emitter writes
/// each distinct subexpression once. Nodes denote exact real functions (CUSTOM.md, "What it means"); the factory methods
/// fold constants and drop neutral operands, nothing else.
/// </summary>
internal sealed class Expr : IEquatable<Expr>
{
    private static readonly Expr[] NoArgs = Array.Empty<Expr>();

    private readonly int _hash;

    private Expr(Kind kind, double value, Expr[] args, double lo = 0)
    {
        Kind = kind;
        Value = value;
        Lo = lo;
        Args = args;
        var hash = ((int)kind * 397) ^ BitConverter.DoubleToInt64Bits(value).GetHashCode() ^ (BitConverter.DoubleToInt64Bits(lo).GetHashCode() * 7);
        foreach (var arg in args)
        {
            hash = unchecked((hash * 31) + arg._hash);
        }

        _hash = hash;
    }

    public static Expr X { get; } = new(Kind.X, 0, NoArgs);

    public static Expr Zero { get; } = Constant(0);

    public static Expr One { get; } = Constant(1);

    public Kind Kind { get; }

    /// <summary>A constant's value (0 for other nodes).</summary>
    public double Value { get; }

    /// <summary>
    /// What a constant's exact value exceeds <see cref="Value"/> by, where that is known (√c, products and quotients of
    /// constants folded here), so that arguments of exponentials can take it into account; else 0.
    /// </summary>
    public double Lo { get; }

    public IReadOnlyList<Expr> Args { get; }

    public Expr A => Args[0];

    public Expr B => Args[1];

    public bool IsConstant => Kind == Kind.Constant;

    public bool IsCondition => Kind is >= Kind.Less;

    public bool Is(double value) => Kind == Kind.Constant && Value == value;

    public static Expr Constant(double value, double lo = 0) =>
        new(Kind.Constant, value, NoArgs, double.IsNaN(lo) || double.IsInfinity(lo) || double.IsInfinity(value) ? 0 : lo);

    /// <summary>A node as it stands, without folding.</summary>
    public static Expr Raw(Kind kind, params Expr[] args) => new(kind, 0, args);

    public static Expr Call(Kind kind, Expr a)
    {
        if (a.IsConstant && kind == Kind.Negate)
        {
            return Constant(-a.Value, -a.Lo);
        }

        if (a.IsConstant && kind == Kind.Sqrt && a.Value > 0 && !double.IsInfinity(a.Value))
        {
            var root = Math.Sqrt(a.Value);
            return Constant(root, ((a.Value - (root * root)) - ProductError(root, root, root * root) + a.Lo) / (2 * root));
        }

        if (a.IsConstant && Fold(kind, a.Value) is { } value)
        {
            return Constant(value);
        }

        return kind == Kind.Negate && a.Kind == Kind.Negate ? a.A : Raw(kind, a);
    }

    public static Expr Select(Expr condition, Expr then, Expr otherwise) =>
        then.Equals(otherwise) ? then : Raw(Kind.Select, condition, then, otherwise);

    public static Expr Compare(Kind kind, Expr a, Expr b) => Raw(kind, a, b);

    public static Expr Negate(Expr a) => Call(Kind.Negate, a);

    public static Expr Add(Expr a, Expr b)
    {
        if (a.IsConstant && b.IsConstant)
        {
            var sum = a.Value + b.Value;
            var bb = sum - a.Value;
            return Constant(sum, (a.Value - (sum - bb)) + (b.Value - bb) + a.Lo + b.Lo);
        }

        if (a.Is(0))
        {
            return b;
        }

        if (b.Is(0))
        {
            return a;
        }

        return b.Kind == Kind.Negate ? Subtract(a, b.A) : Raw(Kind.Add, a, b);
    }

    public static Expr Subtract(Expr a, Expr b)
    {
        if (a.IsConstant && b.IsConstant)
        {
            return Add(a, Negate(b));
        }

        if (b.Is(0))
        {
            return a;
        }

        if (a.Is(0))
        {
            return Negate(b);
        }

        return b.Kind == Kind.Negate ? Add(a, b.A) : Raw(Kind.Subtract, a, b);
    }

    public static Expr Multiply(Expr a, Expr b)
    {
        if (b.IsConstant && !a.IsConstant)
        {
            (a, b) = (b, a);
        }

        if (a.IsConstant)
        {
            if (b.IsConstant)
            {
                var product = a.Value * b.Value;
                return Constant(product, ProductError(a.Value, b.Value, product) + (a.Value * b.Lo) + (a.Lo * b.Value));
            }

            if (a.Value == 0)
            {
                return Zero;
            }

            if (a.Value == 1)
            {
                return b;
            }

            if (a.Value == -1)
            {
                return Negate(b);
            }

            if (b.Kind == Kind.Multiply && b.A.IsConstant)
            {
                return Multiply(Multiply(a, b.A), b.B);
            }
        }

        if (a.Kind == Kind.Negate && b.Kind == Kind.Negate)
        {
            return Multiply(a.A, b.A);
        }

        return Raw(Kind.Multiply, a, b);
    }

    public static Expr Divide(Expr a, Expr b)
    {
        if (a.IsConstant && b.IsConstant)
        {
            var quotient = a.Value / b.Value;
            return Constant(quotient, ((a.Value - (quotient * b.Value)) - ProductError(quotient, b.Value, quotient * b.Value) + a.Lo - (quotient * b.Lo)) / b.Value);
        }

        if (b.Is(1))
        {
            return a;
        }

        if (a.Is(0))
        {
            return Zero;
        }

        return Raw(Kind.Divide, a, b);
    }

    /// <summary>The number of distinct nodes (what the emitter writes).</summary>
    public int Size => Nodes().Count;

    /// <summary>Whether a node of this expression satisfies <paramref name="predicate"/>.</summary>
    public bool Any(Func<Expr, bool> predicate) => Nodes().Any(predicate);

    private HashSet<Expr> Nodes()
    {
        var seen = new HashSet<Expr>();
        var pending = new Stack<Expr>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (seen.Add(node))
            {
                foreach (var arg in node.Args)
                {
                    pending.Push(arg);
                }
            }
        }

        return seen;
    }

    /// <summary>This expression with every x replaced by <paramref name="argument"/> (inlining a call to another definition).</summary>
    public Expr Substitute(Expr argument) => Map(node => node.Kind == Kind.X ? argument : null);

    /// <summary>Rebuilds the tree bottom-up; <paramref name="replace"/> may return a replacement for a node (or null to keep it).</summary>
    public Expr Map(Func<Expr, Expr?> replace)
    {
        var memo = new Dictionary<Expr, Expr>();
        Expr Visit(Expr node)
        {
            if (memo.TryGetValue(node, out var done))
            {
                return done;
            }

            var result = replace(node);
            if (result is null)
            {
                var args = node.Args.Select(Visit).ToArray();
                result = args.SequenceEqual(node.Args) ? node : Rebuild(node, args);
            }

            memo[node] = result;
            return result;
        }

        return Visit(this);
    }

    /// <summary>A node like <paramref name="node"/> over new arguments, through the folding factories (a leaf stays itself).</summary>
    public static Expr Rebuild(Expr node, Expr[] args) => args.Length == 0 ? node : Make(node.Kind, args);

    /// <summary>A node of <paramref name="kind"/> over <paramref name="args"/>, through the folding factories.</summary>
    public static Expr Make(Kind kind, params Expr[] args) => kind switch
    {
        Kind.Add => Add(args[0], args[1]),
        Kind.Subtract => Subtract(args[0], args[1]),
        Kind.Multiply => Multiply(args[0], args[1]),
        Kind.Divide => Divide(args[0], args[1]),
        Kind.Select => Select(args[0], args[1], args[2]),
        _ when args.Length == 1 => Call(kind, args[0]),
        _ => Raw(kind, args),
    };

    public bool Equals(Expr? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && other._hash == _hash
            && other.Kind == Kind
            && BitConverter.DoubleToInt64Bits(other.Value) == BitConverter.DoubleToInt64Bits(Value)
            && BitConverter.DoubleToInt64Bits(other.Lo) == BitConverter.DoubleToInt64Bits(Lo)
            && other.Args.SequenceEqual(Args));

    public override bool Equals(object? obj) => obj is Expr other && Equals(other);

    public override int GetHashCode() => _hash;

    /// <summary>The expression as C#-like text, for doc comments and messages.</summary>
    public override string ToString() => Kind switch
    {
        Kind.X => "x",
        Kind.Constant => Value.ToString("R", CultureInfo.InvariantCulture),
        Kind.Negate => "-" + Wrap(A),
        Kind.Add => $"{A} + {B}",
        Kind.Subtract => $"{A} - {Wrap(B)}",
        Kind.Multiply => $"{Wrap(A)}·{Wrap(B)}",
        Kind.Divide => $"{Wrap(A)} / {Wrap(B)}",
        Kind.Select => $"({A} ? {B} : {Args[2]})",
        Kind.Less => $"{A} < {B}",
        Kind.LessOrEqual => $"{A} <= {B}",
        Kind.Greater => $"{A} > {B}",
        Kind.GreaterOrEqual => $"{A} >= {B}",
        Kind.Equal => $"{A} == {B}",
        Kind.NotEqual => $"{A} != {B}",
        Kind.And => $"({A}) && ({B})",
        Kind.Or => $"({A}) || ({B})",
        Kind.Not => $"!({A})",
        _ => Kind.ToString().ToLowerInvariant() + "(" + string.Join(", ", Args) + ")",
    };

    private static string Wrap(Expr e) => e.Kind is Kind.Add or Kind.Subtract or Kind.Negate || (e.Kind == Kind.Constant && e.Value < 0) ? "(" + e + ")" : e.ToString();

    /// <summary>a·b - p exactly, for p = a·b rounded (Dekker's product; this assembly's target has no fused multiply-add).</summary>
    private static double ProductError(double a, double b, double p)
    {
        if (double.IsInfinity(p) || double.IsNaN(p) || Math.Abs(a) > 1e150 || Math.Abs(b) > 1e150)
        {
            return 0;
        }

        static (double Hi, double Lo) Split(double v)
        {
            var c = 134217729.0 * v;
            var hi = c - (c - v);
            return (hi, v - hi);
        }

        var (ah, al) = Split(a);
        var (bh, bl) = Split(b);
        return (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
    }

    /// <summary>A function of a constant, folded at compile time (double arithmetic), or null where it is not folded.</summary>
    private static double? Fold(Kind kind, double a) => kind switch
    {
        Kind.Sqrt => Math.Sqrt(a),
        Kind.Abs => Math.Abs(a),
        Kind.Exp => Math.Exp(a),
        Kind.Log => Math.Log(a),
        _ => null,
    };
}
