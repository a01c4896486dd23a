//! Taro's app config (`src/app.config.ts` / `.js`, RULES.md §12): the object of
//! `export default defineAppConfig({ … })` or `export default { … }`, read as the
//! JSON rules read `app.json`, so the same `networkTimeout` rule runs on it.
//!
//! Only what is written literally becomes a value: strings, numbers (`-1`, `60_000`),
//! booleans, `null`, arrays and objects of those. A property whose value is computed
//! (`request: TIMEOUT`, a spread) is left out: no finding is better than a wrong one.

use crate::lint::json::{Member, Node, Value};
use crate::lint::Span;
use oxc_allocator::Allocator;
use oxc_ast::ast::{
    ArrayExpressionElement, ExportDefaultDeclarationKind, Expression, ObjectPropertyKind, Statement, UnaryOperator,
};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};

/// How deep nested arrays and objects are followed.
const MAX_DEPTH: usize = 64;

/// The default export's object as a [`Node`], with spans into `text`; `None` when
/// the file does not parse, nests too deep or exports no object literal.
pub fn read(path: &str, text: &str) -> Option<Node> {
    if super::nesting(text) > super::MAX_NESTING {
        return None;
    }
    let allocator = Allocator::default();
    let source_type = SourceType::from_path(path).unwrap_or_else(|_| SourceType::ts());
    let parsed = Parser::new(&allocator, text, source_type).parse();
    if !parsed.diagnostics.is_empty() {
        return None;
    }
    let exported = parsed.program.body.iter().find_map(|statement| match statement {
        Statement::ExportDefaultDeclaration(export) => match &export.declaration {
            ExportDefaultDeclarationKind::FunctionDeclaration(_)
            | ExportDefaultDeclarationKind::ClassDeclaration(_)
            | ExportDefaultDeclarationKind::TSInterfaceDeclaration(_) => None,
            expression => expression.as_expression(),
        },
        _ => None,
    })?;
    let object = match unwrap(exported) {
        // defineAppConfig({ … }): Taro's identity helper for types.
        Expression::CallExpression(call) => call.arguments.first()?.as_expression().map(unwrap)?,
        other => other,
    };
    matches!(object, Expression::ObjectExpression(_)).then(|| node(object, text, 0)).flatten()
}

/// `(x)`, `x as T`, `x satisfies T` are `x`.
fn unwrap<'e, 'a>(expression: &'e Expression<'a>) -> &'e Expression<'a> {
    match expression {
        Expression::ParenthesizedExpression(inner) => unwrap(&inner.expression),
        Expression::TSAsExpression(inner) => unwrap(&inner.expression),
        Expression::TSSatisfiesExpression(inner) => unwrap(&inner.expression),
        other => other,
    }
}

fn span_of(expression: &Expression) -> Span {
    let span = expression.span();
    Span::new(span.start as usize, span.end as usize)
}

/// A literal value as a [`Node`]; `None` for anything computed.
fn node(expression: &Expression, text: &str, depth: usize) -> Option<Node> {
    if depth > MAX_DEPTH {
        return None;
    }
    let expression = unwrap(expression);
    let value = match expression {
        Expression::StringLiteral(literal) => Value::String(literal.value.as_str().to_string()),
        Expression::TemplateLiteral(template) if template.expressions.is_empty() => {
            Value::String(template.quasis.first()?.value.cooked.as_ref()?.as_str().to_string())
        }
        Expression::NumericLiteral(number) => Value::Number(number_text(number.value, number.span, text)),
        Expression::UnaryExpression(unary) if unary.operator == UnaryOperator::UnaryNegation => {
            let Expression::NumericLiteral(number) = &unary.argument else {
                return None;
            };
            Value::Number(format!("-{}", number_text(number.value, number.span, text)))
        }
        Expression::BooleanLiteral(literal) => Value::Bool(literal.value),
        Expression::NullLiteral(_) => Value::Null,
        Expression::ArrayExpression(array) => Value::Array(
            array
                .elements
                .iter()
                .filter_map(|element| match element {
                    ArrayExpressionElement::SpreadElement(_) | ArrayExpressionElement::Elision(_) => None,
                    element => node(element.as_expression()?, text, depth + 1),
                })
                .collect(),
        ),
        Expression::ObjectExpression(object) => Value::Object(
            object
                .properties
                .iter()
                .filter_map(|property| {
                    let ObjectPropertyKind::ObjectProperty(property) = property else {
                        return None;
                    };
                    let key = property.key.static_name()?.to_string();
                    let key_span = property.key.span();
                    let value = node(&property.value, text, depth + 1)?;
                    Some(Member { key, key_span: Span::new(key_span.start as usize, key_span.end as usize), value })
                })
                .collect(),
        ),
        _ => return None,
    };
    Some(Node { span: span_of(expression), value })
}

/// The number as written when Rust reads it the same (`5000`, `1.5e4`), else its
/// value (`60_000`, `0x10`), so that the rules' messages quote the source.
fn number_text(value: f64, span: oxc_span::Span, text: &str) -> String {
    let written = text.get(span.start as usize..span.end as usize).unwrap_or("");
    if written.parse::<f64>().is_ok_and(|read| read == value) {
        written.to_string()
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network_timeout(text: &str) -> Option<Node> {
        read("src/app.config.ts", text)?.get("networkTimeout").cloned()
    }

    #[test]
    fn rule_12_taro_app_config_is_read_from_define_app_config_and_plain_objects() {
        let text = "export default defineAppConfig({\n  pages: ['pages/index/index'],\n  networkTimeout: { request: 90000, uploadFile: '5000' },\n})\n";
        let found = network_timeout(text).unwrap();
        let request = found.get("request").unwrap();
        assert_eq!(request.as_f64(), Some(90000.0));
        assert_eq!(request.span.text(text), "90000");
        assert_eq!(found.get("uploadFile").unwrap().as_str(), Some("5000"));
        let plain =
            network_timeout("export default { networkTimeout: { request: -1, connectSocket: 60_000 } } as const");
        let plain = plain.unwrap();
        assert_eq!(plain.get("request").unwrap().as_f64(), Some(-1.0));
        assert_eq!(plain.get("connectSocket").unwrap().as_f64(), Some(60000.0));
    }

    #[test]
    fn rule_12_taro_app_config_leaves_out_what_is_computed() {
        let found =
            network_timeout("const T = 5000\nexport default { networkTimeout: { request: T, downloadFile: 1 } }");
        let found = found.unwrap();
        assert!(found.get("request").is_none(), "a computed value is not guessed");
        assert_eq!(found.get("downloadFile").unwrap().as_f64(), Some(1.0));
        assert!(read("app.config.js", "export default function () {}").is_none());
        assert!(read("app.config.js", "export default {").is_none(), "a file that does not parse is not read");
        assert!(read("app.config.js", &"[".repeat(5000)).is_none());
    }
}
