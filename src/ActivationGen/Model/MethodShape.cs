namespace ActivationGen.Model;

/// <summary>The method shapes of API.md, numbered as there.</summary>
internal enum MethodShape
{
    /// <summary>1: <c>T M(T x)</c>.</summary>
    Scalar = 1,

    /// <summary>2: <c>void M(ReadOnlySpan&lt;T&gt; x, Span&lt;T&gt; destination)</c>.</summary>
    Span = 2,

    /// <summary>3: <c>void M(Span&lt;T&gt; values)</c>.</summary>
    InPlace = 3,

    /// <summary>4: <c>void M(ReadOnlySpan&lt;T&gt; x, ReadOnlySpan&lt;T&gt; gradOutput, Span&lt;T&gt; gradInput)</c>.</summary>
    Backward = 4,

    /// <summary>5: <c>void M(ReadOnlySpan&lt;T&gt; x, Span&lt;T&gt; destination, Span&lt;T&gt; derivative)</c>.</summary>
    Fused = 5,

    /// <summary>6: <c>VectorN&lt;T&gt; M(VectorN&lt;T&gt; x)</c>.</summary>
    Vector = 6,
}
