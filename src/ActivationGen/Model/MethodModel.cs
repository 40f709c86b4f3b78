namespace ActivationGen.Model;

/// <summary>A type that contains the method, outermost first, as it must be re-declared in the generated part.</summary>
/// <param name="Keyword">The declaration keywords after <c>partial</c>: <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>.</param>
/// <param name="Name">The name with its type parameter list, e.g. <c>Layer&lt;T&gt;</c>.</param>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>A parameter of the method as it must be repeated in the implementation.</summary>
/// <param name="Modifiers">Modifiers such as <c>this</c> or <c>scoped</c>, with a trailing space, or empty.</param>
/// <param name="Name">The identifier, escaped with <c>@</c> where it is a keyword.</param>
internal sealed record ParameterModel(string Modifiers, string Name);

/// <summary>Everything the emitter needs to implement one annotated partial method. Plain data: no Roslyn objects.</summary>
/// <param name="HintNameCollides">
/// Whether the readable file name could collide with another method's: Roslyn compares hint names ignoring case, so
/// methods whose names differ only in case, or a namespace and a type with the same dotted name, need a hashed name.
/// </param>
/// <param name="HasDocumentation">Whether the user's declaration has a doc comment (the generated part then adds none, so it is kept).</param>
internal sealed record MethodModel(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Modifiers,
    string Name,
    MethodShape Shape,
    ElementType Element,
    int VectorBits,
    EquatableArray<ParameterModel> Parameters,
    ActivationSpec Activation,
    bool HasDocumentation,
    bool HintNameCollides = false)
{
    /// <summary>The name of the generated file, unique per method within the compilation.</summary>
    public string HintName => HintNameCollides ? UniqueHintName : ReadableHintName;

    private string ReadableHintName
    {
        get
        {
            var builder = new System.Text.StringBuilder();
            if (Namespace is not null)
            {
                builder.Append(Namespace).Append('.');
            }

            foreach (var type in ContainingTypes)
            {
                builder.Append(type.Name).Append('.');
            }

            builder.Append(Name).Append('.').Append(Shape).Append(Element == ElementType.Single ? "Single" : "Double");
            if (Shape == MethodShape.Vector)
            {
                builder.Append(VectorBits);
            }

            builder.Append(".Activation.g.cs");
            return Sanitize(builder.ToString());
        }
    }

    /// <summary>The readable name with a hash of the exact, case-sensitive identity of the method (namespace and types kept apart).</summary>
    private string UniqueHintName
    {
        get
        {
            var identity = (Namespace ?? string.Empty) + "|" + string.Join("|", System.Linq.Enumerable.Select(ContainingTypes, t => t.Name)) + "|" + Name + "|" + Shape + "|" + Element + "|" + VectorBits;
            var hash = 2166136261u;
            foreach (var c in identity)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }

            return ReadableHintName.Replace(".Activation.g.cs", "." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".Activation.g.cs");
        }
    }

    /// <summary>A name for the file-local operator struct, unique within the generated file.</summary>
    public string OperatorName => Sanitize(string.Join("_", System.Linq.Enumerable.Select(ContainingTypes, t => t.Name)) + "_" + Name + "_" + Shape + "Operator").Replace('.', '_');

    private static string Sanitize(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]) && chars[i] != '.' && chars[i] != '_')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
