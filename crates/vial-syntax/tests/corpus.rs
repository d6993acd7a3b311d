fn main() {} // placeholder until the corpus test is written
