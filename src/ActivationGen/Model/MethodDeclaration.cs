namespace ActivationGen.Model;

/// <summary>A type that contains the method, outermost first, as it must be re-declared in the generated part.</summary>
/// <param name="Keyword">The declaration keywords after <c>partial</c>: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c>, <c>record struct</c>.</param>
/// <param name="Name">The name with its type parameter list, e.g. <c>Layer&lt;T&gt;</c>.</param>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>A parameter of the method as the implementing declaration repeats it.</summary>
/// <param name="Modifiers">Modifiers such as <c>this</c>, <c>scoped</c>, <c>ref</c> or <c>params</c>, each followed by a space, or empty.</param>
/// <param name="Type">The type, fully qualified.</param>
/// <param name="Name">The identifier, escaped with <c>@</c> where it is a keyword.</param>
internal sealed record ParameterModel(string Modifiers, string Type, string Name)
{
    /// <summary>The name as text (without the <c>@</c> of a keyword), for messages.</summary>
    public string Text => Name.TrimStart('@');
}

/// <summary>
/// The implementing declaration of a partial method, built from its symbol (not copied from the user's tokens, so a
/// mistake in the user's declaration is not repeated in generated code). Plain data: no Roslyn objects.
/// </summary>
/// <param name="Modifiers">Accessibility and the modifiers that both parts of a partial method must share, ending with <c>partial</c>.</param>
/// <param name="TypeParameters">The method's type parameter list (<c>&lt;T&gt;</c>), or empty.</param>
/// <param name="Constraints">One <c>where</c> clause per constrained type parameter.</param>
/// <param name="HasDocumentation">Whether the user's declaration has a doc comment (the generated part then adds none, so it is kept).</param>
/// <param name="NullableEnabled">Whether nullable annotations are enabled at the user's declaration (the generated part matches it).</param>
/// <param name="Identity">The method's full signature, unique in the compilation (for file names that would collide otherwise).</param>
internal sealed record MethodDeclaration(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Modifiers,
    string ReturnType,
    string Name,
    string TypeParameters,
    EquatableArray<string> Constraints,
    EquatableArray<ParameterModel> Parameters,
    bool HasDocumentation,
    bool NullableEnabled,
    string Identity);
