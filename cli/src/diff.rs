//! Field-by-field differences between two JSON documents, each named by its JSON pointer
//! (RFC 6901), so `verify` can say exactly which fields of a report differ.

use serde::Serialize;
use serde_json::Value;

/// One field that differs.
#[derive(Debug, PartialEq, Serialize)]
pub struct Difference {
    /// JSON pointer of the field.
    pub path: String,
    /// The value in the report checked; absent when the report lacks the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<Value>,
    /// The value recomputed from the input; absent when the recomputed report lacks the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recomputed: Option<Value>,
}

/// Every difference between `report` and `recomputed`, in document order of `recomputed` (then
/// fields only the report has). Differences are reported at the deepest level where both sides
/// are still objects or arrays.
pub fn differences(report: &Value, recomputed: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk("", report, recomputed, &mut out);
    out
}

fn walk(path: &str, report: &Value, recomputed: &Value, out: &mut Vec<Difference>) {
    match (report, recomputed) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, b_value) in b {
                let here = pointer(path, key);
                match a.get(key) {
                    Some(a_value) => walk(&here, a_value, b_value, out),
                    None => out.push(Difference {
                        path: here,
                        report: None,
                        recomputed: Some(b_value.clone()),
                    }),
                }
            }
            for (key, a_value) in a {
                if !b.contains_key(key) {
                    out.push(Difference {
                        path: pointer(path, key),
                        report: Some(a_value.clone()),
                        recomputed: None,
                    });
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            let longest = a.len().max(b.len());
            for index in 0..longest {
                let here = pointer(path, &index.to_string());
                match (a.get(index), b.get(index)) {
                    (Some(x), Some(y)) => walk(&here, x, y, out),
                    (x, y) => out.push(Difference {
                        path: here,
                        report: x.cloned(),
                        recomputed: y.cloned(),
                    }),
                }
            }
        }
        (a, b) => {
            if a != b {
                out.push(Difference {
                    path: path.to_string(),
                    report: Some(a.clone()),
                    recomputed: Some(b.clone()),
                });
            }
        }
    }
}

/// Appends a reference token, escaped as RFC 6901 requires.
fn pointer(base: &str, token: &str) -> String {
    format!("{base}/{}", token.replace('~', "~0").replace('/', "~1"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_each_changed_field_by_pointer() {
        let report = json!({"a": 1, "p": [{"v": "pass"}, {"v": "fail"}], "x/y": 1, "gone": true});
        let recomputed = json!({"a": 1, "p": [{"v": "pass"}, {"v": "pass"}], "x/y": 2, "new": 0});
        let found = differences(&report, &recomputed);
        let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["/new", "/p/1/v", "/x~1y", "/gone"]);
        assert_eq!(found[1].report, Some(json!("fail")));
        assert_eq!(found[1].recomputed, Some(json!("pass")));
        assert_eq!(found[0].report, None);
    }

    #[test]
    fn equal_documents_have_no_difference() {
        let doc = json!({"a": [1, {"b": null}]});
        assert!(differences(&doc, &doc).is_empty());
    }
}
