package acme.app;

import acme.Ledger;

public final class Main {
    public static void main(String[] args) {
        Ledger l = new Ledger();
        l.transfer();
        System.out.println(l.entries());
    }
}
