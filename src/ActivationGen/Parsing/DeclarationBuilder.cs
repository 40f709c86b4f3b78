using System.Collections.Generic;
using System.Linq;
using ActivationGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Parsing;

/// <summary>
/// Builds the implementing declaration of a partial method from its symbol: the modifiers that both parts must
/// share, in a canonical order, fully qualified types and the parameters' ref kinds, <c>this</c>, <c>scoped</c> and
/// <c>params</c> as the compiler understood them. Nothing is copied token by token, so what the compiler rejects in
/// the user's declaration (a misplaced <c>params</c>, a modifier twice) does not reappear in generated code.
/// </summary>
internal static class DeclarationBuilder
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The method's name, type parameters, parameters and return type.</summary>
    private static readonly SymbolDisplayFormat IdentityFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeRef)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis);

    public static MethodDeclaration Build(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel)
    {
        var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new MethodDeclaration(
            ns,
            ContainingTypes(method).ToEquatableArray(),
            Modifiers(method, syntax),
            ReturnType(method),
            Identifier(method.Name),
            method.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(t => Identifier(t.Name))) + ">",
            method.TypeParameters.Select(Constraints).Where(c => c.Length > 0).ToEquatableArray(),
            Parameters(method).ToEquatableArray(),
            syntax.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)),
            semanticModel.GetNullableContext(syntax.SpanStart).AnnotationsEnabled(),
            Identity(method));
    }

    /// <summary>
    /// The method's full signature, with the namespace and the nesting of types told apart (namespace N.C with type D is
    /// not type C in namespace N with D nested in it).
    /// </summary>
    private static string Identity(IMethodSymbol method)
    {
        var types = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            types.Insert(0, type.MetadataName);
        }

        return method.ContainingNamespace.ToDisplayString() + "::" + string.Join("+", types) + "::" + method.ToDisplayString(IdentityFormat);
    }

    /// <summary>The name as an identifier: a keyword gets its <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The containing types, outermost first, with the keyword their kind needs and their type parameter names.</summary>
    private static List<ContainingType> ContainingTypes(IMethodSymbol method)
    {
        var types = new List<ContainingType>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var keyword = (type.TypeKind, type.IsRecord) switch
            {
                (TypeKind.Struct, true) => "record struct",
                (TypeKind.Struct, false) => "struct",
                (TypeKind.Interface, _) => "interface",
                (_, true) => "record",
                _ => "class",
            };
            var parameters = type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(t => Identifier(t.Name))) + ">";
            types.Insert(0, new ContainingType(keyword, Identifier(type.Name) + parameters));
        }

        return types;
    }

    /// <summary>
    /// Accessibility as the user wrote it (a partial method without one must stay without one), then the modifiers both
    /// parts share: <c>new</c>, <c>static</c>, <c>readonly</c>, <c>unsafe</c>, <c>virtual</c>, <c>override</c>,
    /// <c>sealed</c>; <c>partial</c> last.
    /// </summary>
    private static string Modifiers(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        var modifiers = new List<string>();
        if (syntax.Modifiers.Any(m => SyntaxFacts.IsAccessibilityModifier(m.Kind())))
        {
            modifiers.Add(method.DeclaredAccessibility switch
            {
                Accessibility.Public => "public",
                Accessibility.Internal => "internal",
                Accessibility.Protected => "protected",
                Accessibility.ProtectedOrInternal => "protected internal",
                Accessibility.ProtectedAndInternal => "private protected",
                _ => "private",
            });
        }

        if (syntax.Modifiers.Any(SyntaxKind.NewKeyword))
        {
            modifiers.Add("new");
        }

        if (method.IsStatic)
        {
            modifiers.Add("static");
        }

        if (method.IsReadOnly && syntax.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
        {
            modifiers.Add("readonly");
        }

        if (syntax.Modifiers.Any(SyntaxKind.UnsafeKeyword))
        {
            modifiers.Add("unsafe");
        }

        // Written by the user and meant by the compiler: 'static virtual' in a class is an error of the user's
        // declaration, which repeating 'virtual' would repeat here.
        if (method.IsVirtual && syntax.Modifiers.Any(SyntaxKind.VirtualKeyword))
        {
            modifiers.Add("virtual");
        }

        if (method.IsOverride && syntax.Modifiers.Any(SyntaxKind.OverrideKeyword))
        {
            modifiers.Add("override");
        }

        if (method.IsSealed && syntax.Modifiers.Any(SyntaxKind.SealedKeyword))
        {
            modifiers.Add("sealed");
        }

        modifiers.Add("partial");
        return string.Join(" ", modifiers);
    }

    private static string ReturnType(IMethodSymbol method)
    {
        var type = method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(TypeFormat);
        return method.RefKind switch
        {
            RefKind.Ref => "ref " + type,
            RefKind.RefReadOnly => "ref readonly " + type,
            _ => type,
        };
    }

    /// <summary>The parameters, and <c>__arglist</c> for a vararg method (which the two parts must share).</summary>
    private static List<ParameterModel> Parameters(IMethodSymbol method)
    {
        var parameters = method.Parameters.Select(p => Parameter(p, isThis: p.Ordinal == 0 && method.IsExtensionMethod)).ToList();
        if (method.IsVararg)
        {
            parameters.Add(new ParameterModel(string.Empty, "__arglist", string.Empty));
        }

        return parameters;
    }

    private static ParameterModel Parameter(IParameterSymbol parameter, bool isThis)
    {
        var modifiers = new List<string>();
        if (isThis)
        {
            modifiers.Add("this");
        }

        // 'params' that is not last is the user's error (CS0231); the symbol still says IsParams.
        if (parameter.IsParams && parameter.Ordinal == ((IMethodSymbol)parameter.ContainingSymbol).Parameters.Length - 1)
        {
            modifiers.Add("params");
        }
        else if (parameter.ScopedKind != ScopedKind.None && parameter.RefKind != RefKind.Out)
        {
            modifiers.Add("scoped");
        }

        modifiers.Add(parameter.RefKind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            RefKind.RefReadOnlyParameter => "ref readonly",
            _ => string.Empty,
        });

        var text = string.Concat(modifiers.Where(m => m.Length > 0).Select(m => m + " "));
        return new ParameterModel(text, parameter.Type.ToDisplayString(TypeFormat), Identifier(parameter.Name));
    }

    /// <summary><c>where T : class?, IFoo, new()</c>: a partial method's two parts must have the same constraints.</summary>
    private static string Constraints(ITypeParameterSymbol parameter)
    {
        var constraints = new List<string>();
        if (parameter.HasUnmanagedTypeConstraint)
        {
            constraints.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            constraints.Add("struct");
        }
        else if (parameter.HasReferenceTypeConstraint)
        {
            constraints.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (parameter.HasNotNullConstraint)
        {
            constraints.Add("notnull");
        }

        constraints.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(TypeFormat)));
        if (parameter.HasConstructorConstraint)
        {
            constraints.Add("new()");
        }

        if (parameter.AllowsRefLikeType)
        {
            constraints.Add("allows ref struct");
        }

        return constraints.Count == 0 ? string.Empty : $"where {Identifier(parameter.Name)} : {string.Join(", ", constraints)}";
    }
}
