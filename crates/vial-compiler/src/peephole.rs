//! Peephole optimisation over a finished function's code.
//!
//! Runs after labels are resolved to instruction indices. Today it fuses
//! runs of [`Instr::Move`] (mostly argument set-up before a call) into
//! [`Instr::Move2`] and [`Instr::Move3`], so a run of moves costs one
//! dispatch per three instead of one each. A move that is a jump target
//! starts a new run, so every jump still lands on the first move it
//! expects to run.

use vial_vm::bytecode::{Instr, Label};

/// Fuses runs of moves in `code` (and keeps `lines`, the source line of
/// each instruction, parallel to it); remaps every jump target.
pub fn fuse_moves(code: &mut Vec<Instr>, lines: &mut Vec<u32>) {
    let targets = jump_targets(code);
    let mut out = Vec::with_capacity(code.len());
    let mut out_lines = Vec::with_capacity(lines.len());
    // new_index[i]: where old instruction i starts in the fused code.
    let mut new_index = vec![0 as Label; code.len() + 1];
    let mut i = 0;
    while i < code.len() {
        let run = move_run(code, &targets, i);
        for k in 0..run.max(1) {
            new_index[i + k] = out.len() as Label;
        }
        out.push(match run {
            2 => fused2(&code[i..i + 2]),
            3 => fused3(&code[i..i + 3]),
            _ => code[i],
        });
        out_lines.push(lines.get(i).copied().unwrap_or(0));
        i += run.max(1);
    }
    new_index[code.len()] = out.len() as Label;
    for instr in &mut out {
        instr.map_labels(|l| new_index[l as usize]);
    }
    *code = out;
    *lines = out_lines;
}

/// How many moves (up to three) starting at `i` can fuse: 0 or 1 when
/// there is nothing to fuse.
fn move_run(code: &[Instr], targets: &[bool], i: usize) -> usize {
    let mut n = 0;
    while n < 3
        && matches!(code.get(i + n), Some(Instr::Move { .. }))
        && (n == 0 || !targets[i + n])
    {
        n += 1;
    }
    n
}

fn regs(i: &Instr) -> (u16, u16) {
    match *i {
        Instr::Move { src, dst } => (src, dst),
        _ => unreachable!("a move"),
    }
}

fn fused2(run: &[Instr]) -> Instr {
    let ((s1, d1), (s2, d2)) = (regs(&run[0]), regs(&run[1]));
    Instr::Move2 { s1, d1, s2, d2 }
}

fn fused3(run: &[Instr]) -> Instr {
    let ((s1, d1), (s2, d2), (s3, d3)) = (regs(&run[0]), regs(&run[1]), regs(&run[2]));
    Instr::Move3 {
        s1,
        d1,
        s2,
        d2,
        s3,
        d3,
    }
}

/// `targets[i]`: some instruction jumps to instruction `i`.
fn jump_targets(code: &[Instr]) -> Vec<bool> {
    let mut targets = vec![false; code.len() + 1];
    for l in code.iter().flat_map(Instr::labels) {
        if let Some(t) = targets.get_mut(l as usize) {
            *t = true;
        }
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mv(src: u16, dst: u16) -> Instr {
        Instr::Move { src, dst }
    }

    #[test]
    fn runs_fuse_in_order_and_jumps_are_remapped() {
        let mut code = vec![
            mv(0, 5),
            mv(1, 6),
            mv(2, 7),
            mv(3, 8),
            Instr::Jump { target: 6 },
            Instr::Return { src: 5 },
            mv(4, 9),
            mv(5, 10),
            Instr::Return { src: 9 },
        ];
        let mut lines = (1..=9).collect();
        fuse_moves(&mut code, &mut lines);
        assert_eq!(
            code,
            vec![
                Instr::Move3 {
                    s1: 0,
                    d1: 5,
                    s2: 1,
                    d2: 6,
                    s3: 2,
                    d3: 7
                },
                mv(3, 8),
                Instr::Jump { target: 4 },
                Instr::Return { src: 5 },
                Instr::Move2 {
                    s1: 4,
                    d1: 9,
                    s2: 5,
                    d2: 10
                },
                Instr::Return { src: 9 },
            ]
        );
        assert_eq!(lines, vec![1, 4, 5, 6, 7, 9]);
    }

    #[test]
    fn a_jump_target_inside_a_run_splits_it() {
        let mut code = vec![mv(0, 5), mv(1, 6), Instr::Jump { target: 1 }];
        let mut lines = vec![1, 2, 3];
        fuse_moves(&mut code, &mut lines);
        assert_eq!(code, vec![mv(0, 5), mv(1, 6), Instr::Jump { target: 1 }]);
    }
}
