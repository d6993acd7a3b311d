# A small lending library: nested modules that name themselves by their
# short alias, `alias Base.{A, B}`, and struct defaults built by
# constructor calls (`MapSet.new()`, `Map.new()`, `:queue.new()`).
defmodule Library do
  defmodule Book do
    defstruct [:id, :title, copies: 1, tags: MapSet.new()]

    def new(id, title, tags), do: %Book{id: id, title: title, tags: MapSet.new(tags)}
  end

  defmodule Member do
    defstruct name: "", loans: Map.new(), waiting: :queue.new()

    def new(name), do: %Member{name: name}
  end

  defmodule Desk do
    alias Library.{Book, Member}

    def lend(%Book{copies: 0, title: title}, %Member{} = member),
      do: {:error, "#{title} is out", member}

    def lend(%Book{} = book, %Member{loans: loans} = member) do
      book = %Book{book | copies: book.copies - 1}
      {:ok, book, %Member{member | loans: Map.put(loans, book.id, book.title)}}
    end
  end
end

alias Library.{Book, Member, Desk}

book = Book.new(1, "Dune", [:scifi, :classic])
ann = Member.new("Ann")
IO.inspect(ann)
{:ok, book, ann} = Desk.lend(book, ann)
IO.inspect(book)
IO.inspect(ann.loans, label: "Ann's loans")
{:error, why, _} = Desk.lend(book, Member.new("Bob"))
IO.puts(why)
IO.inspect(MapSet.member?(book.tags, :classic))
IO.inspect(Book)
