// Models: a bank account whose monitor guards its balance.
package heldout.order1;

public class Account {
    private final String iban;
    long balance;

    public Account(String iban, long balance) {
        this.iban = iban;
        this.balance = balance;
    }

    public String iban() {
        return iban;
    }
}
