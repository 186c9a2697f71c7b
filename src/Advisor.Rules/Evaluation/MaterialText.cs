using Advisor.Rules.Model;

namespace Advisor.Rules.Evaluation;

/// <summary>How a material is written in answers and notices: 「身份证（原件及复印件，1份）」.</summary>
public static class MaterialText
{
    /// <summary>原件, 复印件 or 原件及复印件.</summary>
    public static string FormOf(MaterialForm form) => form switch
    {
        MaterialForm.Copy => "复印件",
        MaterialForm.OriginalAndCopy => "原件及复印件",
        _ => "原件",
    };

    /// <summary>The material with its form and count.</summary>
    public static string Describe(Material material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return $"{material.Name}（{Details(material.Form, material.Copies, material.Unit, material.Supply)}）";
    }

    /// <summary>The form, count and supplier in words.</summary>
    public static string Details(MaterialForm form, int copies, string? unit, MaterialSupply supply)
    {
        var details = $"{FormOf(form)}{copies}{unit ?? "份"}";
        return supply == MaterialSupply.Office ? details + "，由村（居）委会出具" : details;
    }
}
