//! One parsed file reduced to what the resolver needs: its bindings, exports and
//! network call sites, each value as a [`Sym`] (a small owned expression tree), so
//! that no AST outlives the file's allocator.

use crate::api::Api;
use crate::lint::Span;
use crate::sockets::Protocol;
use oxc_ast::ast::{
    Argument, AssignmentTarget, BinaryOperator, BindingPattern, CallExpression, ConditionalExpression,
    ExportDefaultDeclarationKind, Expression, IfStatement, ImportDeclarationSpecifier, ModuleDeclaration,
    ObjectExpression, ObjectPropertyKind, PropertyKey, UnaryOperator,
};
use oxc_ast_visit::{walk, Visit};
use oxc_span::GetSpan;
use std::collections::HashMap;

/// How deep a value is followed inside one expression (`a + b + c …`, nested objects).
const MAX_SYM_DEPTH: usize = 64;

/// A value as written, reduced to what static resolution can use.
#[derive(Debug, Clone, PartialEq)]
pub enum Sym {
    /// A string literal or a static piece of a template: its value and where it is written.
    Text(String, Span),
    /// `a + b`, `` `${a}/x` ``: the pieces in order.
    Concat(Vec<Sym>),
    /// An identifier of this module.
    Name(String),
    /// `object.property`.
    Member(Box<Sym>, String),
    /// An object literal's static properties.
    Object(Vec<(String, Sym)>),
    /// `require('./x')`.
    Require(String),
    /// `getApp()`.
    GetApp,
    Unknown,
}

/// What a name of the module is bound to.
#[derive(Debug, Clone, PartialEq)]
pub enum Binding {
    Value(Sym),
    /// `import { name as local } from 'source'` (`default` for a default import).
    Import {
        source: String,
        name: String,
    },
    /// `import * as local from 'source'`.
    Namespace(String),
    /// Declared more than once, reassigned or a parameter: never guessed.
    Unknown,
}

/// A literal option of a call (`timeout: 0`, `method: 'PATCH'`).
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Number(f64),
    Text(String),
}

/// A network call: `wx.request({ url, … })` and the like.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub api: Api,
    /// `wx.request`: how the call is written, for messages.
    pub callee: String,
    /// The whole call.
    pub span: Span,
    pub url: Option<Sym>,
    /// Literal options by name, with where the value is written.
    pub options: Vec<(String, Literal, Span)>,
    /// Keys of `header`, with where each is written.
    pub header_keys: Vec<(String, Span)>,
    /// Whether the call has a `timeout` option at all.
    pub has_timeout: bool,
    /// A project's own wrapper ([`super::Wrapper`]), not the platform's API.
    pub wrapper: bool,
}

/// `tcp.connect({ address, port })`, `udp.send(…)`, `udp.connect(…)` on a socket
/// made by `wx.createTCPSocket()` / `wx.createUDPSocket()`.
#[derive(Debug, Clone, PartialEq)]
pub struct SocketCall {
    pub protocol: Protocol,
    /// `tcp.connect`: how the call is written, for messages.
    pub callee: String,
    /// The whole call.
    pub span: Span,
    pub address: Option<Sym>,
    /// The port when written as a number.
    pub port: Option<f64>,
}

/// A network feature gated by the base library, and where the code uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Used {
    Udp(Span),
    Tcp(Span),
}

#[derive(Debug, Default)]
pub struct Module {
    pub bindings: HashMap<String, Binding>,
    /// ESM exports: exported name → value (`default` for the default export).
    pub exports: HashMap<String, Sym>,
    /// `module.exports = value`.
    pub module_exports: Option<Sym>,
    /// `exports.x = value`, `module.exports.x = value`.
    pub export_properties: Vec<(String, Sym)>,
    /// `App({ globalData: { … } })`: the globalData value.
    pub global_data: Option<Sym>,
    pub calls: Vec<Call>,
    pub socket_calls: Vec<SocketCall>,
    pub used: Vec<Used>,
}

/// The mini program globals whose network methods are checked.
const GLOBALS: [&str; 3] = ["wx", "uni", "Taro"];

/// Builds the [`Module`] of a parsed program. `excluded` are byte ranges (uni-app
/// `#ifdef H5` blocks) whose calls are not mini program code.
pub struct Collector<'e> {
    pub module: Module,
    /// Names bound more than once, or reassigned.
    unsure: Vec<String>,
    /// Nesting depth inside branches that never run in a mini program (Taro H5).
    other_platform: usize,
    excluded: &'e [Span],
    /// Names imported from `@tarojs/taro` as network functions (`import { request } …`).
    taro_functions: HashMap<String, Api>,
    /// Variables (`tcp`) and `this` properties (`this.tcp`) holding a socket the
    /// module made.
    sockets: HashMap<String, Protocol>,
    /// Added to every span (a `<script>` block's offset in a `.vue` file).
    offset: u32,
    /// The project's own wrappers of the network APIs.
    wrappers: &'e [super::Wrapper],
}

impl<'e> Collector<'e> {
    pub fn new(excluded: &'e [Span], offset: u32) -> Self {
        Collector {
            module: Module::default(),
            unsure: Vec::new(),
            other_platform: 0,
            excluded,
            taro_functions: HashMap::new(),
            sockets: HashMap::new(),
            offset,
            wrappers: &[],
        }
    }

    /// Also records calls of the project's own wrappers.
    pub fn with_wrappers(mut self, wrappers: &'e [super::Wrapper]) -> Self {
        self.wrappers = wrappers;
        self
    }

    pub fn finish(mut self) -> Module {
        for name in self.unsure {
            self.module.bindings.insert(name, Binding::Unknown);
        }
        self.module
    }

    fn span(&self, span: oxc_span::Span) -> Span {
        Span { start: span.start.saturating_add(self.offset), end: span.end.saturating_add(self.offset) }
    }

    fn bind(&mut self, name: &str, binding: Binding) {
        if self.module.bindings.contains_key(name) {
            self.unsure.push(name.to_string());
        } else {
            self.module.bindings.insert(name.to_string(), binding);
        }
    }

    fn is_excluded(&self, span: Span) -> bool {
        self.other_platform > 0 || self.excluded.iter().any(|range| range.start <= span.start && span.start < range.end)
    }

    /// The value of an expression, as far as it is static.
    pub fn sym(&self, expression: &Expression, depth: usize) -> Sym {
        if depth > MAX_SYM_DEPTH {
            return Sym::Unknown;
        }
        let next = depth + 1;
        match expression {
            Expression::StringLiteral(literal) => {
                Sym::Text(literal.value.as_str().to_string(), self.span(literal.span))
            }
            Expression::TemplateLiteral(template) => {
                let mut parts = Vec::new();
                for (i, quasi) in template.quasis.iter().enumerate() {
                    let Some(cooked) = quasi.value.cooked.as_ref() else {
                        return Sym::Unknown;
                    };
                    if !cooked.as_str().is_empty() {
                        parts.push(Sym::Text(cooked.as_str().to_string(), self.span(quasi.span)));
                    }
                    if let Some(expression) = template.expressions.get(i) {
                        parts.push(self.sym(expression, next));
                    }
                }
                Sym::Concat(parts)
            }
            Expression::BinaryExpression(binary) if binary.operator == BinaryOperator::Addition => {
                Sym::Concat(vec![self.sym(&binary.left, next), self.sym(&binary.right, next)])
            }
            Expression::ParenthesizedExpression(inner) => self.sym(&inner.expression, next),
            Expression::TSAsExpression(inner) => self.sym(&inner.expression, next),
            Expression::TSSatisfiesExpression(inner) => self.sym(&inner.expression, next),
            Expression::Identifier(identifier) => Sym::Name(identifier.name.as_str().to_string()),
            Expression::StaticMemberExpression(member) => {
                Sym::Member(Box::new(self.sym(&member.object, next)), member.property.name.as_str().to_string())
            }
            Expression::ComputedMemberExpression(member) => match &member.expression {
                Expression::StringLiteral(key) => {
                    Sym::Member(Box::new(self.sym(&member.object, next)), key.value.as_str().to_string())
                }
                _ => Sym::Unknown,
            },
            Expression::ObjectExpression(object) => Sym::Object(self.properties(object, next)),
            Expression::CallExpression(call) => match (&call.callee, call.arguments.first()) {
                (Expression::Identifier(callee), Some(Argument::StringLiteral(source))) if callee.name == "require" => {
                    Sym::Require(source.value.as_str().to_string())
                }
                (Expression::Identifier(callee), None) if callee.name == "getApp" => Sym::GetApp,
                _ => Sym::Unknown,
            },
            _ => Sym::Unknown,
        }
    }

    fn properties(&self, object: &ObjectExpression, depth: usize) -> Vec<(String, Sym)> {
        object
            .properties
            .iter()
            .filter_map(|property| match property {
                ObjectPropertyKind::ObjectProperty(property)
                    if !property.computed || matches!(property.key, PropertyKey::StringLiteral(_)) =>
                {
                    let key = property.key.static_name()?;
                    Some((key.to_string(), self.sym(&property.value, depth)))
                }
                _ => None,
            })
            .collect()
    }

    /// `wx.request`, `uni['uploadFile']`, `Taro.default.request`: the API, if a network call.
    fn network_api(&self, callee: &Expression) -> Option<(Api, String)> {
        if let Expression::Identifier(name) = callee {
            let api = *self.taro_functions.get(name.name.as_str())?;
            return Some((api, name.name.as_str().to_string()));
        }
        let (object, property) = match callee {
            Expression::StaticMemberExpression(member) => (&member.object, member.property.name.as_str()),
            Expression::ComputedMemberExpression(member) => match &member.expression {
                Expression::StringLiteral(key) => (&member.object, key.value.as_str()),
                _ => return None,
            },
            _ => return None,
        };
        let global = match object {
            Expression::Identifier(global) => global.name.as_str(),
            Expression::StaticMemberExpression(member)
                if member.property.name == "default"
                    && matches!(&member.object, Expression::Identifier(g) if g.name == "Taro") =>
            {
                "Taro.default"
            }
            _ => return None,
        };
        if !GLOBALS.contains(&global) && global != "Taro.default" {
            return None;
        }
        let api = Api::parse(property).ok()?;
        Some((api, format!("{global}.{property}")))
    }

    fn record_call(&mut self, call: &CallExpression) {
        if let Some(used) = self.feature(call) {
            self.module.used.push(used);
        }
        if let (Expression::Identifier(callee), Some(Argument::ObjectExpression(app))) =
            (&call.callee, call.arguments.first())
        {
            if callee.name == "App" {
                let properties = self.properties(app, 0);
                self.module.global_data = properties.into_iter().find(|(key, _)| key == "globalData").map(|(_, v)| v);
            }
        }
        if let Some(socket_call) = self.socket_call(call) {
            self.module.socket_calls.push(socket_call);
            return;
        }
        let (api, callee, wrapper) = match self.network_api(&call.callee) {
            Some((api, callee)) => (api, callee, false),
            None => match self.wrapper_api(&call.callee) {
                Some((api, callee)) => (api, callee, true),
                None => return,
            },
        };
        let span = self.span(call.span);
        if self.is_excluded(span) {
            return;
        }
        let mut record = Call {
            api,
            callee,
            span,
            url: None,
            options: Vec::new(),
            header_keys: Vec::new(),
            has_timeout: false,
            wrapper,
        };
        match call.arguments.first() {
            Some(Argument::ObjectExpression(options)) => self.read_options(options, &mut record),
            Some(argument) => {
                // Taro.request(url, options); a wrapper's url first: http.get(url, …)
                if let Some(expression) = argument.as_expression() {
                    if wrapper || (api == Api::Request && record.callee.starts_with("Taro")) {
                        record.url = Some(self.sym(expression, 0));
                    }
                }
                // A wrapper's second argument is its own (data, config): not read as wx options.
                if let (false, Some(Argument::ObjectExpression(options))) = (wrapper, call.arguments.get(1)) {
                    self.read_options(options, &mut record);
                }
            }
            None => {}
        }
        self.module.calls.push(record);
    }

    /// `http.get`, `this.$http.post`, `request`: a wrapper the project named, written
    /// as a chain of names.
    fn wrapper_api(&self, callee: &Expression) -> Option<(Api, String)> {
        if self.wrappers.is_empty() {
            return None;
        }
        let mut names = Vec::new();
        let mut expression = callee;
        loop {
            match expression {
                Expression::StaticMemberExpression(member) => {
                    names.push(member.property.name.as_str());
                    expression = &member.object;
                }
                Expression::Identifier(name) => {
                    names.push(name.name.as_str());
                    break;
                }
                Expression::ThisExpression(_) => {
                    names.push("this");
                    break;
                }
                _ => return None,
            }
        }
        names.reverse();
        let written = names.join(".");
        self.wrappers.iter().find(|wrapper| wrapper.name == written).map(|wrapper| (wrapper.api, written))
    }

    fn read_options(&self, options: &ObjectExpression, record: &mut Call) {
        for property in &options.properties {
            let ObjectPropertyKind::ObjectProperty(property) = property else {
                continue;
            };
            let Some(key) = property.key.static_name() else {
                continue;
            };
            let value_span = self.span(property.value.span());
            match key.as_ref() {
                "url" => record.url = Some(self.sym(&property.value, 0)),
                "header" | "headers" => {
                    if let Expression::ObjectExpression(header) = &property.value {
                        for item in &header.properties {
                            if let ObjectPropertyKind::ObjectProperty(item) = item {
                                if let Some(name) = item.key.static_name() {
                                    record.header_keys.push((name.to_string(), self.span(item.key.span())));
                                }
                            }
                        }
                    }
                }
                name => {
                    if name == "timeout" {
                        record.has_timeout = true;
                    }
                    let literal = match &property.value {
                        Expression::NumericLiteral(number) => Some(Literal::Number(number.value)),
                        Expression::UnaryExpression(unary) if unary.operator == UnaryOperator::UnaryNegation => {
                            match &unary.argument {
                                Expression::NumericLiteral(number) => Some(Literal::Number(-number.value)),
                                _ => None,
                            }
                        }
                        Expression::StringLiteral(text) => Some(Literal::Text(text.value.as_str().to_string())),
                        _ => None,
                    };
                    if let Some(literal) = literal {
                        record.options.push((name.to_string(), literal, value_span));
                    }
                }
            }
        }
    }

    /// The kind of socket an expression creates (`wx.createTCPSocket()`).
    fn created_socket(&self, expression: &Expression) -> Option<(Protocol, String)> {
        let Expression::CallExpression(call) = expression else {
            return None;
        };
        let protocol = match self.feature(call)? {
            Used::Udp(_) => Protocol::Udp,
            Used::Tcp(_) => Protocol::Tcp,
        };
        let Expression::StaticMemberExpression(member) = &call.callee else {
            return None;
        };
        let Expression::Identifier(global) = &member.object else {
            return None;
        };
        Some((protocol, format!("{}.{}()", global.name, member.property.name)))
    }

    /// A socket's `connect` (TCP, UDP) or `send` (UDP) with an options object.
    fn socket_call(&self, call: &CallExpression) -> Option<SocketCall> {
        let Expression::StaticMemberExpression(member) = &call.callee else {
            return None;
        };
        let (protocol, name) = match &member.object {
            Expression::Identifier(name) => (*self.sockets.get(name.name.as_str())?, name.name.to_string()),
            Expression::StaticMemberExpression(inner) if matches!(inner.object, Expression::ThisExpression(_)) => {
                let name = format!("this.{}", inner.property.name);
                (*self.sockets.get(&name)?, name)
            }
            created => self.created_socket(created)?,
        };
        let method = member.property.name.as_str();
        if !(method == "connect" || (method == "send" && protocol == Protocol::Udp)) {
            return None;
        }
        let span = self.span(call.span);
        if self.is_excluded(span) {
            return None;
        }
        let Some(Argument::ObjectExpression(options)) = call.arguments.first() else {
            return None;
        };
        let mut socket_call =
            SocketCall { protocol, callee: format!("{name}.{method}"), span, address: None, port: None };
        for property in &options.properties {
            let ObjectPropertyKind::ObjectProperty(property) = property else {
                continue;
            };
            match property.key.static_name().as_deref() {
                Some("address") => socket_call.address = Some(self.sym(&property.value, 0)),
                Some("port") => {
                    if let Expression::NumericLiteral(port) = &property.value {
                        socket_call.port = Some(port.value);
                    }
                }
                _ => {}
            }
        }
        Some(socket_call)
    }

    /// `wx.createUDPSocket()`, `wx.createTCPSocket()`.
    fn feature(&self, call: &CallExpression) -> Option<Used> {
        let Expression::StaticMemberExpression(member) = &call.callee else {
            return None;
        };
        let Expression::Identifier(global) = &member.object else {
            return None;
        };
        if !GLOBALS.contains(&global.name.as_str()) {
            return None;
        }
        let span = self.span(call.span);
        match member.property.name.as_str() {
            "createUDPSocket" => Some(Used::Udp(span)),
            "createTCPSocket" => Some(Used::Tcp(span)),
            _ => None,
        }
    }

    /// `process.env.TARO_ENV === 'h5'`: Some(true) when the test is true only on
    /// another platform than the mini program, Some(false) when false only there.
    fn platform_test(test: &Expression) -> Option<bool> {
        let Expression::BinaryExpression(binary) = test else {
            return None;
        };
        let is_env =
            |e: &Expression| matches!(e, Expression::StaticMemberExpression(m) if m.property.name == "TARO_ENV");
        let value = match (&binary.left, &binary.right) {
            (left, Expression::StringLiteral(value)) if is_env(left) => value.value.as_str(),
            (Expression::StringLiteral(value), right) if is_env(right) => value.value.as_str(),
            _ => return None,
        };
        let equal = match binary.operator {
            BinaryOperator::StrictEquality | BinaryOperator::Equality => true,
            BinaryOperator::StrictInequality | BinaryOperator::Inequality => false,
            _ => return None,
        };
        // `=== 'h5'` is true only elsewhere; `!== 'weapp'` too.
        match (equal, value == "weapp") {
            (true, false) => Some(true),
            (false, true) => Some(true),
            (true, true) | (false, false) => Some(false),
        }
    }
}

impl<'a> Visit<'a> for Collector<'_> {
    fn visit_module_declaration(&mut self, it: &ModuleDeclaration<'a>) {
        match it {
            ModuleDeclaration::ImportDeclaration(import) => {
                let source = import.source.value.as_str();
                for specifier in import.specifiers.iter().flatten() {
                    match specifier {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => {
                            let imported = s.imported.name();
                            if source == "@tarojs/taro" {
                                if let Ok(api) = Api::parse(imported.as_str()) {
                                    self.taro_functions.insert(s.local.name.as_str().to_string(), api);
                                }
                            }
                            let binding =
                                Binding::Import { source: source.to_string(), name: imported.as_str().to_string() };
                            self.bind(s.local.name.as_str(), binding);
                        }
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                            let binding = Binding::Import { source: source.to_string(), name: "default".into() };
                            self.bind(s.local.name.as_str(), binding);
                        }
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                            self.bind(s.local.name.as_str(), Binding::Namespace(source.to_string()));
                        }
                    }
                }
            }
            ModuleDeclaration::ExportDeclaration(export) => {
                if let oxc_ast::ast::Declaration::VariableDeclaration(declaration) = &export.declaration {
                    for declarator in &declaration.declarations {
                        if let BindingPattern::BindingIdentifier(id) = &declarator.id {
                            let name = id.name.as_str().to_string();
                            self.module.exports.insert(name.clone(), Sym::Name(name));
                        }
                    }
                }
            }
            ModuleDeclaration::ExportNamedDeclaration(export) => {
                for specifier in &export.specifiers {
                    let local = specifier.local.name().as_str().to_string();
                    self.module.exports.insert(specifier.exported.name().as_str().to_string(), Sym::Name(local));
                }
            }
            ModuleDeclaration::ExportDefaultDeclaration(export) => {
                if let Some(expression) = export.declaration.as_expression() {
                    let value = self.sym(expression, 0);
                    self.module.exports.insert("default".into(), value);
                } else if let ExportDefaultDeclarationKind::FunctionDeclaration(_) = &export.declaration {
                    self.module.exports.insert("default".into(), Sym::Unknown);
                }
            }
            _ => {}
        }
        // An import's local names are bound above; everything else is walked.
        if !matches!(it, ModuleDeclaration::ImportDeclaration(_)) {
            walk::walk_module_declaration(self, it);
        }
    }

    fn visit_variable_declarator(&mut self, it: &oxc_ast::ast::VariableDeclarator<'a>) {
        // A `let`/`var` is as good as a `const` while nothing assigns it again
        // (assignments mark it in visit_assignment_expression).
        match &it.id {
            BindingPattern::BindingIdentifier(id) => {
                if let Some((protocol, _)) = it.init.as_ref().and_then(|init| self.created_socket(init)) {
                    self.sockets.insert(id.name.as_str().to_string(), protocol);
                }
                let value = it.init.as_ref().map_or(Sym::Unknown, |init| self.sym(init, 0));
                self.bind(id.name.as_str(), Binding::Value(value));
            }
            pattern => self.visit_binding_pattern(pattern),
        }
        if let Some(init) = &it.init {
            self.visit_expression(init);
        }
    }

    fn visit_binding_identifier(&mut self, it: &oxc_ast::ast::BindingIdentifier<'a>) {
        // Parameters, functions, classes, catch clauses, destructuring: bound to a
        // value that is not read, and a second binding of a name makes it unsure.
        self.bind(it.name.as_str(), Binding::Unknown);
    }

    fn visit_assignment_expression(&mut self, it: &oxc_ast::ast::AssignmentExpression<'a>) {
        match &it.left {
            AssignmentTarget::AssignmentTargetIdentifier(name) => self.unsure.push(name.name.as_str().to_string()),
            AssignmentTarget::StaticMemberExpression(member) => {
                if let (Expression::ThisExpression(_), Some((protocol, _))) =
                    (&member.object, self.created_socket(&it.right))
                {
                    self.sockets.insert(format!("this.{}", member.property.name), protocol);
                }
                let value = self.sym(&it.right, 0);
                match (&member.object, member.property.name.as_str()) {
                    (Expression::Identifier(object), "exports") if object.name == "module" => {
                        self.module.module_exports = Some(value);
                    }
                    (Expression::Identifier(object), property) if object.name == "exports" => {
                        self.module.export_properties.push((property.to_string(), value));
                    }
                    (Expression::StaticMemberExpression(inner), property)
                        if inner.property.name == "exports"
                            && matches!(&inner.object, Expression::Identifier(m) if m.name == "module") =>
                    {
                        self.module.export_properties.push((property.to_string(), value));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        self.record_call(it);
        walk::walk_call_expression(self, it);
    }

    fn visit_if_statement(&mut self, it: &IfStatement<'a>) {
        let Some(elsewhere) = Self::platform_test(&it.test) else {
            return walk::walk_if_statement(self, it);
        };
        self.visit_expression(&it.test);
        self.other_platform += usize::from(elsewhere);
        self.visit_statement(&it.consequent);
        self.other_platform -= usize::from(elsewhere);
        if let Some(alternate) = &it.alternate {
            self.other_platform += usize::from(!elsewhere);
            self.visit_statement(alternate);
            self.other_platform -= usize::from(!elsewhere);
        }
    }

    fn visit_conditional_expression(&mut self, it: &ConditionalExpression<'a>) {
        let Some(elsewhere) = Self::platform_test(&it.test) else {
            return walk::walk_conditional_expression(self, it);
        };
        self.other_platform += usize::from(elsewhere);
        self.visit_expression(&it.consequent);
        self.other_platform -= usize::from(elsewhere);
        self.other_platform += usize::from(!elsewhere);
        self.visit_expression(&it.alternate);
        self.other_platform -= usize::from(!elsewhere);
    }
}
