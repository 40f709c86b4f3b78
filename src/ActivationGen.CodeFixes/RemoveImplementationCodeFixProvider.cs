using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.CodeFixes;

/// <summary>
/// AGEN0002: leaves the annotated method without an implementation of its own, so that ActivationGen writes it.
/// <list type="bullet">
/// <item>A body on the annotated declaration (<c>{ ... }</c> or <c>=> expr;</c>) becomes <c>;</c>.</item>
/// <item><c>extern</c> on the annotated declaration is removed.</item>
/// <item>When the annotated declaration is the implementing part of a method the user also declared elsewhere,
/// that other, bodiless declaration is removed too (else two definitions would remain).</item>
/// <item>When the user wrote the implementing part separately, that declaration is removed.</item>
/// </list>
/// A declaration to remove must be in a document of the solution and carry no attributes and no documentation
/// comment (moving those is a decision for the user): otherwise no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveImplementationCodeFixProvider)), Shared]
public sealed class RemoveImplementationCodeFixProvider : CodeFixProvider
{
    public const string RemoveBodyKey = "ActivationGen.RemoveBody";
    public const string RemoveExternKey = "ActivationGen.RemoveExtern";
    public const string RemoveOtherDeclarationKey = "ActivationGen.RemoveOtherDeclaration";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HasBody);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.FirstOrDefault(d => d.Id == DiagnosticIds.HasBody);
        var document = context.Document;
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (diagnostic is null || root is null || SyntaxEdits.FindMethodByIdentifier(root, context.Span) is not { } method)
        {
            return;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return;
        }

        var name = method.Identifier.ValueText;
        var hasBody = method.Body is not null || method.ExpressionBody is not null;
        var externIndex = method.Modifiers.IndexOf(SyntaxKind.ExternKeyword);

        if (hasBody || externIndex >= 0)
        {
            // The annotated declaration implements the method. If it implements a definition written elsewhere, that
            // definition must go as well: once this declaration is bodiless it is the definition.
            MethodDeclarationSyntax? definition = null;
            Document? definitionDocument = null;
            if (symbol.PartialDefinitionPart is { } definitionPart
                && !TryGetRemovable(document.Project.Solution, definitionPart, cancellationToken, out definition, out definitionDocument))
            {
                return;
            }

            var what = hasBody ? $"the body of '{name}'" : $"'extern' from '{name}'";
            var title = "Remove " + what + (definition is null ? string.Empty : " and its other partial declaration");
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    ct => ApplyAsync(document, method, hasBody ? SyntaxEdits.RemoveBody : RemoveExtern, definition, definitionDocument, ct),
                    hasBody ? RemoveBodyKey : RemoveExternKey),
                diagnostic);
            return;
        }

        if (symbol.PartialImplementationPart is { } implementationPart
            && TryGetRemovable(document.Project.Solution, implementationPart, cancellationToken, out var implementation, out var implementationDocument))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove the other partial declaration of '{name}', the one with a body",
                    ct => ApplyAsync(document, method, null, implementation, implementationDocument, ct),
                    RemoveOtherDeclarationKey),
                diagnostic);
        }
    }

    /// <summary>The declaration of <paramref name="part"/>, if it is the user's and removing it loses nothing but itself.</summary>
    private static bool TryGetRemovable(
        Solution solution,
        IMethodSymbol part,
        CancellationToken cancellationToken,
        out MethodDeclarationSyntax? declaration,
        out Document? document)
    {
        declaration = part.DeclaringSyntaxReferences.Length == 1
            ? part.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as MethodDeclarationSyntax
            : null;
        document = declaration is null ? null : solution.GetDocument(declaration.SyntaxTree);
        return declaration is not null
            && document is not null
            && declaration.AttributeLists.Count == 0
            && !SyntaxEdits.HasDocumentationComment(declaration);
    }

    private static MethodDeclarationSyntax RemoveExtern(MethodDeclarationSyntax method)
    {
        var modifiers = method.Modifiers;
        var returnType = method.ReturnType.GetFirstToken();
        var next = returnType;
        SyntaxEdits.RemoveModifier(ref modifiers, ref next, modifiers.IndexOf(SyntaxKind.ExternKeyword));
        return method.ReplaceToken(returnType, next).WithModifiers(modifiers);
    }

    /// <summary>Applies <paramref name="change"/> to the annotated method and removes <paramref name="other"/>, in whichever documents they are.</summary>
    private static async Task<Solution> ApplyAsync(
        Document document,
        MethodDeclarationSyntax method,
        System.Func<MethodDeclarationSyntax, MethodDeclarationSyntax>? change,
        MethodDeclarationSyntax? other,
        Document? otherDocument,
        CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return solution;
        }

        if (change is not null)
        {
            if (other is not null && otherDocument?.Id == document.Id)
            {
                root = root.TrackNodes(method, other);
                var current = root.GetCurrentNode(method)!;
                root = root.ReplaceNode(current, change(current));
                root = SyntaxEdits.RemoveMember(root, root.GetCurrentNode(other)!);
                return solution.WithDocumentSyntaxRoot(document.Id, root);
            }

            solution = solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(method, change(method)));
        }

        if (other is not null && otherDocument is not null)
        {
            var otherRoot = await otherDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (otherRoot is not null)
            {
                solution = solution.WithDocumentSyntaxRoot(otherDocument.Id, SyntaxEdits.RemoveMember(otherRoot, other));
            }
        }

        return solution;
    }
}
