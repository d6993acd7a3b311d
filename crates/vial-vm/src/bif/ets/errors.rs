//! The `ArgumentError` an ETS BIF raises: OTP 25 records a [`Cause`] with
//! the `badarg`, and `erl_stdlib_errors:format_ets_error/3` (stdlib)
//! turns the function, its arguments and the cause into a message per
//! argument, which Elixir 1.14 prints as "errors were found at the given
//! arguments: * 1st argument: ...". This file follows that function clause
//! by clause; when it finds nothing to say (or, on the BEAM, would crash on
//! an improper list), the message is plain "argument error".

use crate::bif::data::arg_errors;
use crate::error::Exception;
use crate::ets::match_spec::MatchSpec;
use crate::ets::Cause;
use crate::term::Term;

/// One argument's complaint, or nothing.
type Msg = Option<&'static str>;

const BAD_KEY: &str = "not a key that exists in the table";
const NOT_TUPLE: &str = "not a tuple";
const EMPTY_TUPLE: &str = "is an empty tuple";
const BAD_UPDATE_OP: &str = "not a valid update operation";
const COUNTER_NOT_INTEGER: &str =
    "the value in the given position, in the object, is not an integer";
const SAME_AS_KEYPOS: &str = "the position is the same as the key position";
const UPDATE_OP_RANGE: &str = "the position in the update operation is out of range";
const RANGE: &str = "out of range";
const NOT_INTEGER: &str = "not an integer";
const BAD_TABLE_NAME: &str = "invalid table name (must be an atom)";
const BAD_MATCHSPEC: &str = "not a valid match specification";
const BAD_CONTINUATION: &str = "invalid continuation";

/// The exception for ETS function `fun` called with `args` that failed
/// with `cause`.
pub fn ets_error(fun: &str, args: &[Term], cause: Cause) -> Exception {
    let Some(msgs) = format(fun, args, cause) else {
        return Exception::badarg();
    };
    let errors: Vec<(usize, &str)> = msgs
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|m| (i + 1, m)))
        .collect();
    if errors.is_empty() {
        Exception::badarg()
    } else {
        arg_errors(&errors)
    }
}

/// The complaints by argument position; `None` where the BEAM's formatter
/// would crash (and the message falls back to "argument error").
fn format(fun: &str, args: &[Term], cause: Cause) -> Option<Vec<Msg>> {
    let tab = format_cause(args, cause);
    Some(match (fun, args) {
        ("delete_object", [_, obj]) => vec![tab, format_tuple(obj)],
        ("give_away", [_, pid, _]) => vec![
            tab,
            match cause {
                Cause::Owner => Some("the process is already the owner of the table"),
                Cause::NotOwner => Some("the current process is not the owner"),
                _ => match (pid, tab) {
                    (Term::Pid(_), None) => Some("the pid refers to a terminated process"),
                    (Term::Pid(_), Some(_)) => None,
                    _ => Some("not a pid"),
                },
            },
        ],
        ("info", _) => format_default(tab, "not a valid info item"),
        ("insert" | "insert_new", [_, objs]) => vec![tab, format_objects(objs)],
        ("lookup_element", [_, _, pos]) => {
            let pos_cause = non_negative_integer(pos);
            match (cause, tab, pos_cause) {
                (Cause::BadKey, _, _) => vec![tab, Some(BAD_KEY), pos_cause],
                (_, None, None) => vec![
                    None,
                    None,
                    Some("position is greater than the size of the object"),
                ],
                _ => vec![tab, None, pos_cause],
            }
        }
        ("next" | "prev", _) => format_default(tab, BAD_KEY),
        ("select" | "select_reverse" | "match" | "match_object", [_]) => {
            vec![Some(BAD_CONTINUATION)]
        }
        (
            "select" | "select_reverse" | "select_count" | "select_delete" | "match_delete",
            [_, _],
        ) => format_default(tab, BAD_MATCHSPEC),
        ("select" | "select_reverse", [_, ms, limit]) => vec![
            tab,
            MatchSpec::compile(ms).is_none().then_some(BAD_MATCHSPEC),
            non_negative_integer(limit),
        ],
        ("match" | "match_object", [_, _, limit]) => vec![tab, None, non_negative_integer(limit)],
        ("new", [name, opts]) => {
            let name_error = (!matches!(name, Term::Atom(_))).then_some("not an atom");
            let opts_error = must_be_list(opts);
            match (name_error, opts_error, cause) {
                (None, None, Cause::AlreadyExists) => vec![Some("table name already exists")],
                (None, None, _) => vec![None, Some("invalid options")],
                _ => vec![name_error, opts_error],
            }
        }
        ("update_counter", [_, _, op]) => match cause {
            Cause::BadKey => vec![tab, Some(BAD_KEY), format_update_op(op)?],
            Cause::KeyPos => vec![tab, None, Some(SAME_AS_KEYPOS)],
            Cause::Position => vec![tab, None, Some(UPDATE_OP_RANGE)],
            Cause::None if is_update_op_top(op)? => vec![tab, None, Some(COUNTER_NOT_INTEGER)],
            Cause::None => vec![tab, None, Some(BAD_UPDATE_OP)],
            _ => vec![tab, None, format_update_op(op)?],
        },
        ("update_counter", [_, _, op, default]) => {
            if tab.is_some() {
                return Some(vec![tab]);
            }
            let tuple_cause = format_tuple(default);
            match cause {
                Cause::BadKey => vec![None, Some(BAD_KEY), format_update_op(op)?, tuple_cause],
                Cause::KeyPos => vec![None, None, Some(SAME_AS_KEYPOS), tuple_cause],
                Cause::Position => vec![None, None, Some(UPDATE_OP_RANGE)],
                _ => match (format_update_op(op)?, tuple_cause) {
                    (None, None) => vec![None, None, Some(COUNTER_NOT_INTEGER)],
                    (op_cause, tuple_cause) => vec![None, None, op_cause, tuple_cause],
                },
            }
        }
        ("update_element", [_, _, spec]) => {
            let third = match cause {
                Cause::KeyPos => Some(SAME_AS_KEYPOS),
                _ if is_element_spec_top(spec)? => tab.is_none().then_some(RANGE),
                _ => Some("is not a valid element specification"),
            };
            vec![tab, None, third]
        }
        ("rename", [_, name]) => {
            let name_error = (!matches!(name, Term::Atom(_))).then_some(BAD_TABLE_NAME);
            match (tab, name_error) {
                (None, None) => vec![None, Some("table name already exists")],
                (tab, name_error) => vec![tab, name_error],
            }
        }
        ("whereis", _) => vec![Some(BAD_TABLE_NAME)],
        _ => vec![tab],
    })
}

/// What the cause says about the table argument.
fn format_cause(args: &[Term], cause: Cause) -> Msg {
    match cause {
        Cause::Type => Some(match args.first() {
            Some(Term::Ref(_)) => "not a valid table identifier",
            _ => "not an atom or a table identifier",
        }),
        Cause::Id => Some("the table identifier does not refer to an existing ETS table"),
        Cause::Access => {
            Some("the table identifier refers to an ETS table with insufficient access rights")
        }
        Cause::TableType => Some(
            "the table identifier refers to an ETS table of a type not supported by this operation",
        ),
        _ => None,
    }
}

fn format_default(tab: Msg, default: &'static str) -> Vec<Msg> {
    match tab {
        None => vec![None, Some(default)],
        error => vec![error],
    }
}

fn format_tuple(t: &Term) -> Msg {
    match t.as_tuple() {
        Some([]) => Some(EMPTY_TUPLE),
        Some(_) => None,
        None => Some(NOT_TUPLE),
    }
}

fn format_objects(t: &Term) -> Msg {
    match t {
        Term::Tuple(_) => format_tuple(t),
        Term::EmptyList | Term::Cons(_) => {
            let mut it = t.iter_list();
            let all = it.by_ref().all(|o| matches!(o.as_tuple(), Some([_, ..])));
            (!(all && matches!(it.tail(), Term::EmptyList)))
                .then_some("not a non-empty tuple or a list of non-empty tuples")
        }
        _ => Some(NOT_TUPLE),
    }
}

fn must_be_list(t: &Term) -> Msg {
    match t {
        Term::EmptyList | Term::Cons(_) => t.list_to_vec().is_none().then_some("not a proper list"),
        _ => Some("not a list"),
    }
}

fn non_negative_integer(t: &Term) -> Msg {
    match t {
        Term::Int(n) if *n < 1 => Some(RANGE),
        Term::Int(_) | Term::Big(_) => None,
        _ => Some(NOT_INTEGER),
    }
}

fn format_update_op(op: &Term) -> Option<Msg> {
    Some((!is_update_op_top(op)?).then_some(BAD_UPDATE_OP))
}

/// Whether `op` is an update operation or a list of them (`None` for an
/// improper list, on which the BEAM's check crashes).
pub fn is_update_op_top(op: &Term) -> Option<bool> {
    all_or_one(op, is_update_op)
}

fn is_update_op(op: &Term) -> bool {
    match op.as_tuple() {
        Some([pos, incr]) => pos.is_integer() && incr.is_integer(),
        Some([pos, incr, threshold, set]) => {
            pos.is_integer() && incr.is_integer() && threshold.is_integer() && set.is_integer()
        }
        Some(_) => false,
        None => op.is_integer(),
    }
}

/// Whether `spec` is an element specification `{pos, value}` (`pos >= 1`)
/// or a list of them (`None` for an improper list).
pub fn is_element_spec_top(spec: &Term) -> Option<bool> {
    all_or_one(spec, |s| {
        matches!(s.as_tuple(), Some([Term::Int(p), _]) if *p > 0)
            || matches!(s.as_tuple(), Some([Term::Big(b), _]) if b.sign() == num_bigint::Sign::Plus)
    })
}

/// `lists:all(check, t)` for a list, `check(t)` otherwise.
fn all_or_one(t: &Term, check: impl Fn(&Term) -> bool) -> Option<bool> {
    match t {
        Term::EmptyList | Term::Cons(_) => {
            let mut it = t.iter_list();
            let all = it.by_ref().all(&check);
            if all && !matches!(it.tail(), Term::EmptyList) {
                None
            } else {
                Some(all)
            }
        }
        _ => Some(check(t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::message;

    fn msg(fun: &str, args: &[Term], cause: Cause) -> String {
        message(&ets_error(fun, args, cause).reason)
    }

    #[test]
    fn messages_follow_otp() {
        let head = "errors were found at the given arguments:\n\n";
        assert_eq!(
            msg("lookup", &[Term::atom("t"), Term::Int(1)], Cause::Id),
            format!("{head}  * 1st argument: the table identifier does not refer to an existing ETS table\n")
        );
        // Both the table and the object are wrong: two lines.
        assert_eq!(
            msg("insert", &[Term::string("t"), Term::Int(5)], Cause::Type),
            format!("{head}  * 1st argument: not an atom or a table identifier\n  * 2nd argument: not a tuple\n")
        );
        // A missing key and a malformed operation.
        assert_eq!(
            msg("update_counter", &[Term::atom("t"), Term::Int(1), Term::atom("x")], Cause::BadKey),
            format!("{head}  * 2nd argument: not a key that exists in the table\n  * 3rd argument: not a valid update operation\n")
        );
        // Nothing to say about any argument: Erlang's plain badarg.
        assert_eq!(
            msg(
                "insert",
                &[Term::atom("t"), Term::tuple([Term::Int(1)])],
                Cause::None
            ),
            "argument error"
        );
        let improper =
            Term::list_with_tail([Term::tuple([Term::Int(2), Term::Int(1)])], Term::Int(3));
        assert_eq!(
            msg(
                "update_counter",
                &[Term::atom("t"), Term::Int(1), improper],
                Cause::None
            ),
            "argument error"
        );
    }
}
