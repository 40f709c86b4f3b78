namespace ActivationGen.Model;

/// <summary>The activation functions, one per attribute.</summary>
internal enum ActivationKind
{
    Sigmoid,
    SigmoidSum,
    Softplus,
    Relu,
    Elu,
}
