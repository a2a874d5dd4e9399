import Foundation
import KBTestSupport

/// `openapi.yaml`, read with ``YAMLSubset``, and a checker of JSON responses against its
/// schemas: `type` (one or a list, `"null"` for nullable), `enum`, `required`, `properties`
/// (strict: a property the schema does not list is a problem, unless
/// `additionalProperties` gives a schema for it), `items` and `$ref` to
/// `#/components/schemas/...` or `#/components/responses/...`.
struct OpenAPIDocument {
    /// The whole document.
    let root: YAMLSubset.Node

    /// Reads `openapi.yaml` at the repository root.
    static func load() throws -> OpenAPIDocument {
        let text = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        return OpenAPIDocument(root: try YAMLSubset.parse(text))
    }

    /// The documented paths.
    var paths: [String] { root["paths"]?.keys ?? [] }

    /// The response object for `status` of `method` on `path`, following `$ref`.
    func response(_ path: String, _ method: String, status: Int) -> YAMLSubset.Node? {
        guard let operation = root["paths"]?[path]?[method.lowercased()],
            let response = operation["responses"]?[String(status)] ?? operation["responses"]?["default"]
        else { return nil }
        return resolve(response)
    }

    /// `node`, or what its `$ref` points to.
    func resolve(_ node: YAMLSubset.Node) -> YAMLSubset.Node {
        guard let reference = node["$ref"]?.string else { return node }
        var target: YAMLSubset.Node? = root
        for part in reference.dropFirst(2).split(separator: "/") { target = target?[String(part)] }
        return target.map(resolve) ?? node
    }

    /// The problems of `value` against `schema` (empty when it conforms).
    func problems(_ value: JSONValue, _ schema: YAMLSubset.Node, at path: String = "$") -> [String] {
        let schema = resolve(schema)
        var problems: [String] = []
        if let types = schema["type"]?.strings, !types.contains(where: { value.matches(type: $0) }) {
            return ["\(path): \(value.typeName) is not \(types.joined(separator: " or "))"]
        }
        if let allowed = schema["enum"]?.strings, case .string(let text) = value, !allowed.contains(text) {
            problems.append("\(path): \"\(text)\" is not one of \(allowed)")
        }
        switch value {
        case .object(let members):
            for key in schema["required"]?.strings ?? [] where members[key] == nil {
                problems.append("\(path): the required property \"\(key)\" is missing")
            }
            let properties = schema["properties"]
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties?[key] {
                    problems += self.problems(member, propertySchema, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] {
                    problems += self.problems(member, additional, at: "\(path).\(key)")
                } else {
                    problems.append("\(path): the property \"\(key)\" is not documented")
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    problems += self.problems(item, itemSchema, at: "\(path)[\(index)]")
                }
            }
        default:
            break
        }
        return problems
    }
}

/// Any JSON value, decoded without Foundation's number/boolean ambiguity.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Whether the value is of JSON Schema type `type`.
    func matches(type: String) -> Bool {
        switch (self, type) {
        case (.null, "null"), (.bool, "boolean"), (.integer, "integer"), (.integer, "number"), (.number, "number"),
            (.string, "string"), (.array, "array"), (.object, "object"):
            true
        default:
            false
        }
    }

    /// The JSON Schema name of the value's type.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
