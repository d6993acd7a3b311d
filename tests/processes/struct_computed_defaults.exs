# defstruct and defexception defaults that are not constants: computed by
# __struct__/0, also for %S{}, updates, struct/2 and raise.
defmodule C do
  @base 10
  defstruct items: Enum.to_list(1..3), tag: String.upcase("x"), n: 2 * 3, plain: nil, limit: @base * 2, name: "c"
  def new, do: %C{}
  def with_tag(t), do: %C{tag: t}
  def bump(%C{n: n} = c), do: %C{c | n: n + 1}
end
defmodule Err do
  defexception message: "default " <> String.duplicate("!", 2), code: 1
end
defmodule R do
  def go do
    IO.inspect(C.new())
    IO.inspect(C.with_tag("y"))
    IO.inspect(C.bump(C.new()).n)
    IO.inspect(struct(C, n: 9))
    IO.inspect(%C{} == C.new())
    IO.inspect(Map.keys(%C{}))
    try do
      raise Err
    rescue
      e in Err -> IO.inspect({e.message, e.code})
    end
    IO.inspect(%Err{code: 2})
  end
end
R.go()
