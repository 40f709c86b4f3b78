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
/// AGEN0007: removes the <c>Derivative = true</c> argument (on which the analyzer reports) from the attribute, with
/// its comma; when it was the only argument, the parentheses go too (<c>[Softplus(Derivative = true)]</c> becomes
/// <c>[Softplus]</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDerivativeCodeFixProvider)), Shared]
public sealed class RemoveDerivativeCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "ActivationGen.RemoveDerivative";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DerivativeOnGradientShape);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.FirstOrDefault(d => d.Id == DiagnosticIds.DerivativeOnGradientShape);
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var argument = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
        if (diagnostic is null
            || argument is null
            || argument.Span != context.Span
            || argument.NameEquals?.Name.Identifier.ValueText != "Derivative"
            || argument.Parent is not AttributeArgumentListSyntax { Parent: AttributeSyntax })
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Remove '{argument.WithoutTrivia().ToString()}'",
                ct => RemoveAsync(context.Document, argument, ct),
                EquivalenceKey),
            diagnostic);
    }

    private static async Task<Document> RemoveAsync(Document document, AttributeArgumentSyntax argument, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var list = (AttributeArgumentListSyntax)argument.Parent!;
        var attribute = (AttributeSyntax)list.Parent!;

        AttributeSyntax fixedAttribute;
        if (list.Arguments.Count == 1)
        {
            // [Softplus(Derivative = true)] -> [Softplus]: what followed the ')' now follows the name.
            var name = attribute.Name;
            fixedAttribute = attribute
                .WithArgumentList(null)
                .WithName(name.WithTrailingTrivia(name.GetTrailingTrivia().AddRange(list.GetTrailingTrivia())));
        }
        else
        {
            // SeparatedSyntaxList.Remove takes the comma after the argument, or before it when it is the last one,
            // with that comma's trivia (the space or line break that separated the two arguments).
            fixedAttribute = attribute.WithArgumentList(list.WithArguments(list.Arguments.Remove(argument)));
        }

        return document.WithSyntaxRoot(root!.ReplaceNode(attribute, fixedAttribute));
    }
}
