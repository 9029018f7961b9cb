package io.sealpost; public class Sealpost { public static void main(String[] a){} }
