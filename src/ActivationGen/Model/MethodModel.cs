namespace ActivationGen.Model;

/// <summary>Everything the emitter needs to implement one valid annotated partial method. Plain data: no Roslyn objects.</summary>
internal sealed record MethodModel(
    MethodDeclaration Declaration,
    MethodShape Shape,
    ElementType Element,
    int VectorBits,
    ActivationSpec Activation)
{
    /// <summary>A name for the file-local operator struct, unique within the generated file.</summary>
    public string OperatorName
    {
        get
        {
            var name = new System.Text.StringBuilder();
            foreach (var type in Declaration.ContainingTypes)
            {
                name.Append(type.Name).Append('_');
            }

            name.Append(Declaration.Name.TrimStart('@')).Append('_').Append(Shape).Append("Operator");
            for (var i = 0; i < name.Length; i++)
            {
                if (!char.IsLetterOrDigit(name[i]) && name[i] != '_')
                {
                    name[i] = '_';
                }
            }

            return name.ToString();
        }
    }
}

/// <summary>
/// A method that has one of ActivationGen's errors but can still be given a body: it gets one that throws, so the
/// compiler does not add CS8795 (and, for a method the build would otherwise call, nothing is silently wrong).
/// </summary>
/// <param name="Errors">The errors reported for the method, for the exception's message.</param>
/// <param name="DefinitionOnly">
/// The user wrote the body (AGEN0002) and no defining declaration: the generated part is that declaration, without a
/// body, so the compiler does not add CS0759.
/// </param>
internal sealed record StubModel(MethodDeclaration Declaration, string Errors, bool DefinitionOnly = false);

/// <summary>What the parser makes of one annotated declaration: at most one implementation, and its diagnostics.</summary>
internal sealed record ParseResult(MethodModel? Method, StubModel? Stub, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static ParseResult Empty { get; } = new(null, null, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>The readable name of the file written for the method, or null when none is.</summary>
    public string? ReadableHintName => Method is null && Stub is null ? null : Emit.HintNames.Readable(Method, Stub);
}
